import autocannon from 'autocannon';
const [url, token, kind, secs] = process.argv.slice(2);
const q2 = 'query($first:Int!){ customers(first: $first) { edges { node { id riskProfile { level } holdings(first: 20) { edges { node { product { code line } marketValue { amount currency } } } } } } } }';
const body = JSON.stringify({ query: q2, variables: { first: 50 } });
const r = await autocannon({ url, connections: 8, duration: Number(secs ?? 10), method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
console.log(JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors }));
