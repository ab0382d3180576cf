// Entry point.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { App } from './App';
import { paletteProperties } from '../style/palette';

// The map's colours for the stylesheets (var(--map-…)), through the CSSOM: the CSP allows no inline style.
for (const [name, value] of paletteProperties()) document.documentElement.style.setProperty(name, value);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
