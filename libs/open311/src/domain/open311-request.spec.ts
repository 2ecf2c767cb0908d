import { NewServiceRequest, parseServiceRequest } from './open311-request';

const nothingElse: Omit<NewServiceRequest, 'serviceCode'> = {
  apiKey: null,
  lat: null,
  long: null,
  addressString: null,
  districtCode: null,
  streetCode: null,
  description: null,
  phone: null,
  name: null,
  email: null,
  mediaUrl: null,
  attributes: {},
};

const accepted = (form: Record<string, unknown>) => {
  const parsed = parseServiceRequest(form);
  if (!parsed.ok) throw new Error(`refused: ${parsed.errors.map((e) => e.description).join('; ')}`);
  return parsed.value;
};
const problems = (form: Record<string, unknown>) => {
  const parsed = parseServiceRequest(form);
  if (parsed.ok) throw new Error('accepted');
  expect(parsed.errors.every((e) => e.code === 400)).toBe(true);
  return parsed.errors.map((e) => e.description);
};

describe('an Open311 service request form', () => {
  it('reads every field it knows', () => {
    expect(
      accepted({
        api_key: ' key-1 ',
        service_code: '001',
        lat: '39.9127',
        long: '116.4005',
        address_string: '东城区东华门大街',
        district_code: '110101',
        street_code: '110101001',
        description: '路口有人摆摊',
        phone: '13812345678',
        first_name: 'Wei',
        last_name: 'Zhang',
        email: 'zhang@example.cn',
        media_url: 'https://example.cn/photo.jpg',
        device_id: 'd-1',
        account_id: 'a-1',
      }),
    ).toEqual({
      apiKey: 'key-1',
      serviceCode: '001',
      lat: 39.9127,
      long: 116.4005,
      addressString: '东城区东华门大街',
      districtCode: '110101',
      streetCode: '110101001',
      description: '路口有人摆摊',
      phone: '13812345678',
      name: 'Wei Zhang',
      email: 'zhang@example.cn',
      mediaUrl: 'https://example.cn/photo.jpg',
      attributes: {},
    });
  });

  it('needs only a service code and a location', () => {
    expect(accepted({ service_code: '001', lat: '39.9', long: '116.4' })).toEqual({
      ...nothingElse,
      serviceCode: '001',
      lat: 39.9,
      long: 116.4,
    });
    expect(accepted({ service_code: '001', address_string: '东华门大街' })).toEqual({
      ...nothingElse,
      serviceCode: '001',
      addressString: '东华门大街',
    });
    expect(accepted({ service_code: '001', address_id: '545483' })).toEqual({ ...nothingElse, serviceCode: '001' });
  });

  it('trims text and takes an empty field as absent', () => {
    const value = accepted({ service_code: ' 001 ', address_string: ' 东华门大街 ', description: '   ', phone: '' });
    expect(value).toMatchObject({ serviceCode: '001', addressString: '东华门大街', description: null, phone: null });
  });

  it('requires a service code', () => {
    expect(problems({ address_string: '东华门大街' })).toEqual(['service_code is required']);
    expect(problems({ service_code: '  ', address_string: '东华门大街' })).toEqual(['service_code is required']);
  });

  it('requires a location', () => {
    expect(problems({ service_code: '001', description: '路口有人摆摊' })).toEqual([
      'a location is required: lat and long, address_string or address_id',
    ]);
    expect(problems({ service_code: '001', lat: ' ', address_string: '' })).toEqual([
      'a location is required: lat and long, address_string or address_id',
    ]);
  });

  it('takes lat and long together only, even beside an address', () => {
    expect(problems({ service_code: '001', lat: '39.9' })).toEqual(['lat and long go together']);
    expect(problems({ service_code: '001', long: '116.4', address_string: '东华门大街' })).toEqual([
      'lat and long go together',
    ]);
  });

  it.each([
    ['lat', '90.0001', 'lat must be a decimal number between -90 and 90'],
    ['lat', '1e1', 'lat must be a decimal number between -90 and 90'],
    ['lat', 'Infinity', 'lat must be a decimal number between -90 and 90'],
    ['lat', '0x1A', 'lat must be a decimal number between -90 and 90'],
    ['lat', '39,9', 'lat must be a decimal number between -90 and 90'],
    ['long', '-180.5', 'long must be a decimal number between -180 and 180'],
    ['long', '东经116', 'long must be a decimal number between -180 and 180'],
  ])('refuses %s %s', (field, text, problem) => {
    expect(problems({ service_code: '001', lat: '39.9', long: '116.4', [field]: text })).toEqual([problem]);
  });

  it('takes the edges of the globe and plain decimals in any writing', () => {
    expect(accepted({ service_code: '001', lat: '-90', long: '+180' })).toMatchObject({ lat: -90, long: 180 });
    expect(accepted({ service_code: '001', lat: '.5', long: '116.' })).toMatchObject({ lat: 0.5, long: 116 });
  });

  it('limits a description to 4000 characters, counting a character outside the BMP as one', () => {
    const base = { service_code: '001', address_string: '东华门大街' };
    expect(accepted({ ...base, description: '😀'.repeat(4000) }).description).toHaveLength(8000);
    expect(problems({ ...base, description: '诉'.repeat(4001) })).toEqual([
      'description must be at most 4000 characters',
    ]);
  });

  it('takes a media URL on the web only, of at most 2000 characters', () => {
    const base = { service_code: '001', address_string: '东华门大街' };
    expect(accepted({ ...base, media_url: 'HTTP://example.cn/a.jpg' }).mediaUrl).toBe('HTTP://example.cn/a.jpg');
    for (const url of ['ftp://example.cn/a.jpg', 'javascript:alert(1)', 'example.cn/a.jpg', 'https://', 'https:x']) {
      expect(problems({ ...base, media_url: url })).toEqual(['media_url must be an http or https URL']);
    }
    const long = `https://example.cn/${'a'.repeat(1981)}`; // 2000 characters
    expect(accepted({ ...base, media_url: long }).mediaUrl).toBe(long);
    expect(problems({ ...base, media_url: `${long}a` })).toEqual(['media_url must be at most 2000 characters']);
  });

  it('takes the centre’s district and street codes of at most 16 characters', () => {
    const base = { service_code: '001', address_string: '东华门大街' };
    expect(accepted({ ...base, street_code: '1'.repeat(16) }).streetCode).toBe('1'.repeat(16));
    expect(problems({ ...base, district_code: '1'.repeat(17), street_code: '2'.repeat(17) })).toEqual([
      'district_code must be at most 16 characters',
      'street_code must be at most 16 characters',
    ]);
  });

  it('joins first and last name, and takes either alone as the whole name', () => {
    const base = { service_code: '001', address_string: '东华门大街' };
    expect(accepted({ ...base, first_name: '张伟' }).name).toBe('张伟');
    expect(accepted({ ...base, last_name: '张伟' }).name).toBe('张伟');
    expect(accepted({ ...base, first_name: ' ', last_name: '' }).name).toBeNull();
  });

  it('keeps attribute[code] answers, a multivaluelist’s values joined with commas', () => {
    const value = accepted({
      service_code: '001',
      address_string: '东华门大街',
      'attribute[PLACE]': ' road ',
      'attribute[KINDS][]': ['food', ' ', 'toys'],
      'attribute[EMPTY]': '',
      'attribute[__proto__]': 'x',
    });
    expect(value.attributes).toEqual({ PLACE: 'road', KINDS: 'food,toys', ['__proto__']: 'x' });
    expect(Object.getPrototypeOf(value.attributes)).toBe(Object.prototype);
  });

  it('ignores fields it does not know', () => {
    const value = accepted({ service_code: '001', address_string: '东华门大街', jurisdiction_id: 'bj', extra: 1 });
    expect(value).toEqual({ ...nothingElse, serviceCode: '001', addressString: '东华门大街' });
  });

  it('refuses a field given twice, or not as text', () => {
    expect(
      problems({
        service_code: ['001', '002'],
        address_string: '东华门大街',
        description: 42,
        'attribute[PLACE]': { road: 'yes' },
      }),
    ).toEqual(['service_code must be given once', 'description must be text', 'attribute[PLACE] must be text']);
    expect(accepted({ service_code: ['001', ' '], address_string: '东华门大街' }).serviceCode).toBe('001');
  });

  it('reports every problem at once, each naming its field', () => {
    expect(problems({ lat: '95', media_url: 'ftp://x' })).toEqual([
      'service_code is required',
      'lat must be a decimal number between -90 and 90',
      'lat and long go together',
      'media_url must be an http or https URL',
    ]);
  });

  it('names the field of each problem, for the api’s own field errors', () => {
    const parsed = parseServiceRequest({ lat: '39.9', media_url: 'ftp://x' });
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toEqual(['service_code', 'long', 'media_url']);
  });
});
