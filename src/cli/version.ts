/** The product version, from package.json (inlined when the command line is built). */
import { version } from '../../package.json';

export const PRODUCT_VERSION: string = version;
