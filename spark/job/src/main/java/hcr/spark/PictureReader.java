package hcr.spark;

import java.io.Serializable;

/**
 * How a task gets one picture's bytes. A problem with this one file (missing, empty, too large,
 * unreadable) is thrown as an {@link hcr.image.UnreadableImageException} and becomes an errors
 * row; anything else fails the task, which Spark retries.
 */
interface PictureReader extends Serializable {

    byte[] read(String uri);
}
