export default {
  async fetch(): Promise<Response> {
    return new Response("ikit admin test worker");
  },
};
