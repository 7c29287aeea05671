export default {
  async fetch(): Promise<Response> {
    return new Response("ikit core test worker");
  },
};
