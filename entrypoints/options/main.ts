// Options page entrypoint: wiring only (the page lives in src/options/).
import '../../assets/options/options.scss';
import { browserServices } from '../../src/options/browser-services';
import { mountOptionsPage } from '../../src/options/page';

const app = document.getElementById('app');
if (app) void mountOptionsPage(app, browserServices(), new AbortController().signal);
