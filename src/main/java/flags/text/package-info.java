/** Words for users: what a server sent, quoted safely; URLs with their credentials hidden; failures in plain words. */
package flags.text;
