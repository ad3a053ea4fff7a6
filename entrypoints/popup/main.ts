// Wiring only; the popup lives in src/popup/.
import '../../src/popup/popup.css';
import { startPopup } from '../../src/popup/popup';

const root = document.getElementById('popup');
if (root) void startPopup(root, new AbortController().signal);
