// `npm start`: the token endpoint on 127.0.0.1, configured by the environment:
//   IMAGEKIT_PRIVATE_KEY (required), PORT (default 3000), ALLOWED_ORIGINS (comma-separated front-end origins),
//   UPLOAD_TOKENS=frontend to give tokens to pages on ALLOWED_ORIGINS; unset, nobody gets one.
import { createTokenServer } from "./server.js";

const privateKey = process.env.IMAGEKIT_PRIVATE_KEY;
if (!privateKey) {
  console.error("Set IMAGEKIT_PRIVATE_KEY to your ImageKit private key (or the emulator's).");
  process.exit(1);
}
const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? "http://localhost:5173")
  .split(",")
  .map((origin) => origin.trim())
  .filter(Boolean);
const port = Number(process.env.PORT ?? 3000);

const server = createTokenServer({
  privateKey,
  allowedOrigins,
  // Replace with your own session check before this serves real users: an Origin header proves nothing outside a
  // browser, so this only keeps other sites' pages out.
  authorize: (request) =>
    process.env.UPLOAD_TOKENS === "frontend" && allowedOrigins.includes(request.headers.get("origin") ?? ""),
});
server.listen(port, "127.0.0.1", () => console.log(`upload tokens on http://127.0.0.1:${port}/auth`));
