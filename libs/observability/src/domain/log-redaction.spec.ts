import { containsPhoneNumber, loggableError, redactPhoneNumbers, redactQuery, redactUrl } from './log-redaction';

describe('log redaction', () => {
  it('redacts the values of personal query parameters, and of any parameter that holds a phone number', () => {
    expect(redactUrl('/api/v1/cases?callerPhone=13912345678&status=signed')).toBe(
      '/api/v1/cases?callerPhone=[Redacted]&status=signed',
    );
    expect(redactUrl('/x?caller_name=%E7%8E%8B%E5%A5%B3%E5%A3%AB&name=x&limit=10')).toBe(
      '/x?caller_name=[Redacted]&name=[Redacted]&limit=10',
    );
    // Percent-encoded, with +86, inside other text, or a landline: all found after decoding.
    expect(redactUrl('/x?callerPhone=%2B8613912345678')).toBe('/x?callerPhone=[Redacted]');
    expect(redactUrl('/x?q=%E7%94%B5%E8%AF%9D13912345678&status=a')).toBe('/x?q=[Redacted]&status=a');
    expect(redactUrl('/x?q=010-12345678')).toBe('/x?q=[Redacted]');
    expect(redactUrl('/units/13912345678/inbox?limit=5')).toBe('/units/[Redacted]/inbox?limit=5');
  });

  it('keeps everything else of the URL exactly as it came, broken encodings included', () => {
    for (const url of [
      '/api/v1/cases',
      '/x?q=%E5%BB%BA%E5%A4%96&offset=100000000000000000000',
      '/x?a=%E0%A4%A',
      '/x?flag',
    ])
      expect(redactUrl(url)).toBe(url);
  });

  it('finds mobiles and landlines in free text, not ids, case numbers or timestamps', () => {
    expect(redactPhoneNumbers('value "13912345678" is out of range; Key (caller_phone)=(01012345678)')).toBe(
      'value "[Redacted]" is out of range; Key (caller_phone)=([Redacted])',
    );
    expect(redactPhoneNumbers('call +86 139 1234 5678 or 139-1234-5678')).toBe('call [Redacted] or [Redacted]');
    for (const text of [
      '{"time":1796256200000,"caseNumber":"20261125-0000042"}',
      'request 0b1e9c2a-1391-4234-8567-013912345678',
      'order 113912345678 and 1391234567',
    ])
      expect(containsPhoneNumber(text)).toBe(false);
  });

  it('redacts a parsed query the same way', () => {
    expect(redactQuery({ callerPhone: '13912345678', q: ['x', '13812345678'], limit: '5' })).toEqual({
      callerPhone: '[Redacted]',
      q: '[Redacted]',
      limit: '5',
    });
    expect(redactQuery('')).toBe('');
  });

  it('logs a failed statement without its query, parameters, detail or where', () => {
    const serialized = {
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "ux_x"',
      stack: 'QueryFailedError: …',
      code: '23505',
      constraint: 'ux_x',
      query: 'INSERT INTO cases (caller_phone) VALUES ($1)',
      parameters: ['13912345678'],
      detail: 'Key (caller_phone)=(13912345678) already exists.',
      where: 'SQL function',
      driverError: { detail: '13912345678' },
    };
    expect(loggableError(serialized)).toEqual({
      type: 'QueryFailedError',
      message: serialized.message,
      stack: serialized.stack,
      code: '23505',
      constraint: 'ux_x',
    });
    expect(loggableError('plain')).toBe('plain');
  });
});
