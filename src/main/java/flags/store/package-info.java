/** What goes on disk, checked on the way: a body's checks, its temporary file and atomic move, the file names. */
package flags.store;
