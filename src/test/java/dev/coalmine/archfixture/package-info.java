/**
 * Fixture classes for {@code LayerRulesCatchViolationsTest}: a miniature Coalmine whose packages map onto the
 * layers ({@code archfixture.core} is "core", …) and which breaks every layering rule on purpose. Never
 * referenced by other code; only imported by that test.
 */
package dev.coalmine.archfixture;
