/** The codes a user gives (typed, by first letter or in a file), each checked, and the country list shipped. */
package flags.input;
