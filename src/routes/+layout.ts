// Every page is prerendered into static HTML (adapter-static).
export const prerender = true;
export const trailingSlash = 'always';
