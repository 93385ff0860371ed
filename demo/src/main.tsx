import { render } from 'preact';
import { App } from './app';

const root = document.getElementById('app')!;
root.textContent = ''; // the "Loading…" shown until the script runs
render(<App />, root);
