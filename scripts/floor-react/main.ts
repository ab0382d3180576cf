// React's runtime as a production build bundles it: what any first view rendered by React downloads before it can
// render (the bench's "react" floor downloads this beside the dataset, and runs neither).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.body.appendChild(document.createElement('div'));
createRoot(root).render(createElement('p', null, 'React'));
