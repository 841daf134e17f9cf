/**
 * The one place Signpost imports zod from. Astro 7 bundles zod 4 and re-exports it as
 * `astro/zod`; importing it from here keeps a single copy for the site, the scripts and tests
 * (two copies fail with "Cannot read properties of undefined (reading '_zod')").
 */
export { z } from 'astro/zod';
