import { localSocket } from './local-socket';

const socketThere = () => true;
const noSocket = () => false;

describe('localSocket', () => {
  it('takes the Unix socket for a database on this machine when the socket is there', () => {
    expect(
      localSocket('postgres://postgres:s%40cret@127.0.0.1:5432/hotline', '/var/run/postgresql', socketThere),
    ).toEqual({
      host: '/var/run/postgresql',
      port: 5432,
      username: 'postgres',
      password: 's@cret',
      database: 'hotline',
    });
    expect(localSocket('postgres://u@localhost/hotline', '/tmp', socketThere)).toMatchObject({
      host: '/tmp',
      port: 5432,
    });
  });

  it('keeps TCP (null) for another host, without a socket, or with no socket directory', () => {
    expect(localSocket('postgres://u@db.internal:6432/h', '/var/run/postgresql', socketThere)).toBeNull();
    expect(localSocket('postgres://u@127.0.0.1:5432/h', '/var/run/postgresql', noSocket)).toBeNull();
    expect(localSocket('postgres://u@127.0.0.1:5432/h', '', socketThere)).toBeNull();
  });

  it('asks for the socket of the URL’s port', () => {
    const asked: [string, number][] = [];
    localSocket('postgres://u@127.0.0.1:5433/h', '/run/pg', (dir, port) => asked.push([dir, port]) > 0);
    expect(asked).toEqual([['/run/pg', 5433]]);
  });
});
