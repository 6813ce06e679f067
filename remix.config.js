// SVM_BUILD_DIR lets test runs build into their own folder without clobbering `build/`.
const buildDir = process.env.SVM_BUILD_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // Remix's built-in Tailwind support only knows v3; v4 runs through PostCSS.
  tailwind: false,
  postcss: true,
  serverModuleFormat: "esm",
  serverBuildPath: buildDir ? `${buildDir}/index.js` : "build/index.js",
  assetsBuildDirectory: buildDir ? `${buildDir}/assets` : "public/build",
  publicPath: "/build/",
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}", "**/*.spec.{ts,tsx}"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
};
