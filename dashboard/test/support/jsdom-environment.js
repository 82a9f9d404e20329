// jsdom without the web platform globals Node has and browsers have too (fetch, Request, Response,
// TextEncoder, streams): the dashboard and its libraries use them, so lend them Node's. Not
// MessageChannel: React's scheduler would hold Node's event loop open with its port.
import JsdomEnvironment from 'jest-environment-jsdom';

const LENT = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'Blob',
  'File',
  'TextEncoder',
  'TextDecoder',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'AbortController',
  'AbortSignal',
  'structuredClone',
];

export default class WebJsdomEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of LENT) this.global[name] = globalThis[name];
  }
}
