import { parse } from 'pg-connection-string';
import { viaLocalSocket } from './local-socket';

const socketThere = () => true;
const noSocket = () => false;

describe('viaLocalSocket', () => {
  it('connects through the Unix socket to a database on this machine, keeping the rest of the URL', () => {
    const url = viaLocalSocket(
      'postgres://postgres:s%40cret@127.0.0.1:5432/hotline?options=-c%20lock_timeout%3D300',
      '/var/run/postgresql',
      socketThere,
    );
    // As node-postgres reads it: the socket's directory is the host.
    expect(parse(url)).toMatchObject({
      host: '/var/run/postgresql',
      port: '5432',
      user: 'postgres',
      password: 's@cret',
      database: 'hotline',
      options: '-c lock_timeout=300',
    });
    expect(parse(viaLocalSocket('postgres://u@localhost/h', '/tmp', socketThere)).host).toBe('/tmp');
  });

  it('keeps the URL as given for another host, without a socket, with no directory, or a host of its own', () => {
    for (const [url, dir, exists] of [
      ['postgres://u@db.internal:6432/h', '/var/run/postgresql', socketThere],
      ['postgres://u@127.0.0.1:5432/h', '/var/run/postgresql', noSocket],
      ['postgres://u@127.0.0.1:5432/h', '', socketThere],
      ['postgres://u@127.0.0.1:5432/h?host=/run/other', '/var/run/postgresql', socketThere],
    ] as const) {
      expect(viaLocalSocket(url, dir, exists)).toBe(url);
    }
  });

  it('asks for the socket of the URL’s port', () => {
    const asked: [string, number][] = [];
    viaLocalSocket('postgres://u@127.0.0.1:5433/h', '/run/pg', (dir, port) => asked.push([dir, port]) > 0);
    expect(asked).toEqual([['/run/pg', 5433]]);
  });
});
