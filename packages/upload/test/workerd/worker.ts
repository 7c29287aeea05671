export default {
  async fetch(): Promise<Response> {
    return new Response("ikit upload test worker");
  },
};
