import js from "@eslint/js";
import globals from "globals";
import importPlugin from "eslint-plugin-import";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// zxcvbn's word lists are about 2 MB: only a *.server module may import them, so that no page's JavaScript can
// (decision 051).
const zxcvbnOnTheServer = {
  group: ["@zxcvbn-ts/*"],
  message: "Import zxcvbn from a *.server module only (app/domain/accounts/password-strength.server.ts).",
  allowTypeImports: true,
};

// Browser code must never import *.server modules: the classic compiler silently replaces them with an
// empty module. Routes may (Remix strips loaders and actions from the browser bundle).
const noServerImports = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          group: ["**/*.server", "**/*.server.ts", "**/*.server.tsx"],
          message: "Browser code must not import *.server modules.",
          allowTypeImports: true,
        },
        zxcvbnOnTheServer,
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "app/generated/**",
      "node_modules/**",
      ".data/**",
      ".e2e/**",
      "tests/.results/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y, import: importPlugin },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": "allow-with-description" }],
      "import/no-duplicates": "error",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [zxcvbnOnTheServer] }] },
  },
  {
    // browser code: components and shared modules outside routes, domain, auth, email, jobs and server
    files: ["app/ui/**/*.{ts,tsx}", "app/entry.client.tsx"],
    ignores: ["app/ui/**/*.server.{ts,tsx}"],
    rules: noServerImports,
  },
  {
    // Prisma's insensitive equals and contains are ILIKE patterns (decision 028): `_` and `%` would match
    // any character, so such filters go through sameTextAs/containingText, which escape them. `in` compares
    // with lower() and is fine as it is.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/db.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "ObjectExpression:not(:has(> Property[key.name='in'])) > Property[key.name='mode']:matches([value.value='insensitive'], [value.expression.value='insensitive'])",
          message:
            "Use sameTextAs or containingText from app/db.server.ts: insensitive equals/contains are ILIKE patterns.",
        },
      ],
    },
  },
  {
    // Playwright fixtures take a `use` callback, which is not React's `use`
    files: ["tests/e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // the Prisma CLI config patches pg internals (see comments there), which are untyped
    files: ["prisma.config.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
