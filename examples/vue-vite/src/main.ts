import { ImageKit, type ImageKitOptions } from "@ikit/vue";
import { createApp } from "vue";
import App from "./App.vue";
import { config } from "./config.ts";
import "./style.css";

// One place for the ImageKit settings: every <IkImage> and useUpload() below reads them. Unset values are left out,
// and the page says which are missing (App.vue).
const options: ImageKitOptions = { placeholder: "blur" };
if (config.urlEndpoint) options.urlEndpoint = config.urlEndpoint;
if (config.workerUrl) options.workerUrl = config.workerUrl; // signed images from /img, upload tokens from /auth
if (config.uploadUrl) options.uploadEndpoint = config.uploadUrl;
if (config.publicKey) options.publicKey = config.publicKey;

createApp(App).use(ImageKit, options).mount("#app");
