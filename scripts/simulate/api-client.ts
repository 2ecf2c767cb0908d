/** The fields of the api's answers the simulation reads. */
export interface ApiBody {
  id: string;
  status: string;
  merged: boolean;
  leadUnitCode: string;
  accessToken: string;
  items: unknown[];
}

export interface ApiAnswer {
  status: number;
  body: ApiBody;
}

/** A tally of what happened, printed while the simulation runs. */
export class Tally {
  readonly counts: Record<string, number> = {};

  add(key: string): void {
    this.counts[key] = (this.counts[key] ?? 0) + 1;
  }

  of(key: string): number {
    return this.counts[key] ?? 0;
  }
}

const SIMULATED_PASSWORD = 'simulated-user-9';

/** The public api, as agents', supervisors' and units' clients call it; counts every status. */
export class ApiClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    private readonly baseUrl: string,
    private readonly tally: Tally,
  ) {}

  async call(method: string, path: string, token: string | null, body?: unknown): Promise<ApiAnswer> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    this.tally.add(`http ${res.status}`);
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as ApiBody };
  }

  async signIn(username: string, password: string): Promise<string> {
    const res = await this.call('POST', '/auth/token', null, { username, password });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status}`);
    return res.body.accessToken;
  }

  /** A token of a simulated user of the role (and unit), created by the admin on first use. */
  userToken(adminToken: string, role: string, unitCode?: string): Promise<string> {
    const username = `sim-${role}-${(unitCode ?? 'centre').toLowerCase()}`.replace(/[^a-z0-9._-]/g, '-');
    let token = this.tokens.get(username);
    if (!token) {
      token = (async () => {
        // 409 when an earlier run created the user: signing in is all that is needed then.
        await this.call('POST', '/users', adminToken, {
          username,
          password: SIMULATED_PASSWORD,
          role,
          ...(unitCode ? { unitCode } : {}),
        });
        return this.signIn(username, SIMULATED_PASSWORD);
      })();
      this.tokens.set(username, token);
    }
    return token;
  }
}
