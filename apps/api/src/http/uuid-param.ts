import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@hotline/core';

/** A path id that must be a UUID; anything else is a 400 naming the parameter, never a 500. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({ exceptionFactory: () => DomainError.invalidField(name, 'must be a UUID', 'isUuid') }),
  );
