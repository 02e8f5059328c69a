import { signGreenhouse, signStandardWebhook, verifyGreenhouse, verifyStandardWebhook } from '../../src/app/webhooks/signature';

describe('Standard Webhooks signatures', () => {
  // The example in the Standard Webhooks specification.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;
  const body = Buffer.from('{"test": 2432232314}');
  const expected = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

  it("matches the specification's example", () => {
    expect(signStandardWebhook(secret, id, timestamp, body)).toBe(expected);
    expect(verifyStandardWebhook(secret, { id, timestamp: String(timestamp), signature: expected }, body, timestamp)).toEqual({ ok: true });
  });

  it('accepts any of several signatures (key rotation) and refuses a wrong one', () => {
    const headers = { id, timestamp: String(timestamp), signature: `v1,bm90IHRoaXMgb25l ${expected}` };
    expect(verifyStandardWebhook(secret, headers, body, timestamp).ok).toBe(true);
    expect(verifyStandardWebhook(secret, { ...headers, signature: 'v1,bm90IHRoaXMgb25l' }, body, timestamp)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyStandardWebhook(secret, { id, timestamp: String(timestamp), signature: expected }, Buffer.from('{"test": 2432232315}'), timestamp).ok).toBe(false);
  });

  it('refuses timestamps outside the 5-minute window either way, and missing headers', () => {
    const headers = { id, timestamp: String(timestamp), signature: expected };
    expect(verifyStandardWebhook(secret, headers, body, timestamp + 301)).toEqual({ ok: false, reason: 'stale-timestamp' });
    expect(verifyStandardWebhook(secret, headers, body, timestamp - 301)).toEqual({ ok: false, reason: 'stale-timestamp' });
    expect(verifyStandardWebhook(secret, headers, body, timestamp + 299).ok).toBe(true);
    expect(verifyStandardWebhook(secret, { ...headers, id: undefined }, body, timestamp)).toEqual({ ok: false, reason: 'missing-headers' });
  });
});

describe('Greenhouse signatures', () => {
  it('is sha256 and the hex HMAC of the raw body', () => {
    const body = Buffer.from('{"action":"ping"}');
    const signature = signGreenhouse('greenhouse-secret', body);
    expect(signature).toMatch(/^sha256 [0-9a-f]{64}$/);
    expect(verifyGreenhouse('greenhouse-secret', signature, body)).toEqual({ ok: true });
    expect(verifyGreenhouse('another-secret', signature, body)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyGreenhouse('greenhouse-secret', undefined, body)).toEqual({ ok: false, reason: 'missing-headers' });
  });
});
