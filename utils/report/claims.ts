// The narrative reader lives in ./claims/ (one file per family of claims); this file keeps the
// import path `report/claims` that the parser, the rules and the tests use.
export * from './claims/index';
