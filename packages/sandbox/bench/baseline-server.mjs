// A bare node:http server answering a fixed JSON body: the ceiling the HTTP bench is read
// against (same load generator, same machine), so the sandbox's figure can be judged.
import { createServer } from 'node:http';

const body = '{"access_code":{},"ok":true}';
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
