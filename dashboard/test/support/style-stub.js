// Stylesheets imported by components are irrelevant to component tests.
export default {};
