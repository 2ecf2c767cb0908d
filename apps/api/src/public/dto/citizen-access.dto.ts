import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { CODE_DIGITS } from '@hotline/citizen-access';

export class RequestCodeDto {
  @ApiProperty({ example: '13812345678', description: 'A mobile that receives SMS (mainland, or + country code)' })
  @IsString()
  @MaxLength(40)
  phone!: string;
}

export class CodeSentDto {
  @ApiProperty({ format: 'uuid', description: 'Confirm the code under this id' }) verificationId!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Five minutes after it was sent' })
  expiresAt!: Date;
}

export class ConfirmCodeDto {
  @ApiProperty({ example: '042917', description: `The ${CODE_DIGITS} digits sent by SMS` })
  @IsString()
  @Matches(new RegExp(`^\\d{${CODE_DIGITS}}$`), { message: `must be ${CODE_DIGITS} digits` })
  code!: string;
}

export class CitizenSessionDto {
  @ApiProperty({ description: 'Send it as X-Citizen-Token on the citizen’s routes' }) token!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Thirty minutes after the code was confirmed' })
  expiresAt!: Date;
}
