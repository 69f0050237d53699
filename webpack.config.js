/**
 * Webpack configuration for the task pane (same shape as Microsoft's
 * Office-Addin-TaskPane-React template).
 *
 *   npm run build                       production build into dist/
 *   npm run build:dev                   development build into dist/
 *   npm run dev-server                  https://localhost:3000 with office-addin-dev-certs
 *
 * --env options:
 *   officejs=local      serve office.js from node_modules/@microsoft/office-js
 *                       (dist/office/) instead of the Microsoft CDN - for
 *                       offline browser tests. Production add-ins must use the CDN.
 *   publicUrl=https://host/path/
 *                       rewrite https://localhost:3000/ in dist/manifest.xml.
 */
'use strict';

const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const urlDev = 'https://localhost:3000/';
const officeJsCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const officeJsDist = path.join(
  path.dirname(require.resolve('@microsoft/office-js/package.json')),
  'dist',
);

/** Only called for `webpack serve`: builds and tests never need certificates. */
async function getHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode !== 'production';
  const localOfficeJs = env.officejs === 'local';
  const publicUrl = typeof env.publicUrl === 'string' && env.publicUrl ? env.publicUrl : undefined;
  if (publicUrl && !/^https:\/\/.+\/$/.test(publicUrl)) {
    throw new Error(`--env publicUrl must be an https:// URL ending in "/" (got ${publicUrl})`);
  }

  const copyPatterns = [
    { from: 'assets/*', to: 'assets/[name][ext][query]' },
    {
      from: 'manifest.xml',
      to: '[name][ext]',
      transform(content) {
        return publicUrl ? content.toString().split(urlDev).join(publicUrl) : content;
      },
    },
  ];
  if (localOfficeJs) {
    // For plain-browser use only. There office.js loads o15apptofilemappingtable.js
    // from its own folder before resolving Office.onReady with host null; without
    // that file onReady never settles. The Excel-specific scripts (excel-*.js,
    // locale strings) are not copied: inside Excel, use the default CDN build.
    copyPatterns.push(
      // info.minimized: copy Microsoft's files as they are (no second Terser pass).
      { from: path.join(officeJsDist, 'office.js'), to: 'office/office.js', info: { minimized: true } },
      {
        from: path.join(officeJsDist, 'o15apptofilemappingtable.js'),
        to: 'office/o15apptofilemappingtable.js',
        info: { minimized: true },
      },
    );
  }

  const config = {
    mode: dev ? 'development' : 'production',
    devtool: 'source-map',
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              transpileOnly: true,
              // ES modules so webpack can tree-shake and turn import() into lazy chunks.
              compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // Everything from node_modules needed at start-up goes to vendor.[hash].js; lazily imported code keeps
          // its own async chunks.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendor',
            // Only the pane's start-up chunks: the Web Worker (worker.ts) keeps its libraries to itself.
            chunks: (chunk) => chunk.name === 'taskpane',
            priority: -10,
            reuseExistingChunk: true,
          },
        },
      },
    },
    performance: {
      // React + Fluent UI exceed webpack's 244 KiB default hint.
      maxEntrypointSize: 2 * 1024 * 1024,
      maxAssetSize: 2 * 1024 * 1024,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: {
          officeJsUrl: localOfficeJs ? 'office/office.js' : officeJsCdn,
          // Added to the Content Security Policy's script-src.
          officeJsOrigin: localOfficeJs ? '' : ` ${new URL(officeJsCdn).origin}`,
        },
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    devServer: {
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: {
        type: 'https',
        options: env.WEBPACK_SERVE ? await getHttpsOptions() : undefined,
      },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };

  return config;
};
