package hcr.runtime;

/**
 * Settings every backend understands.
 *
 * @param intraOpThreads threads one scoring call may use (0 = the backend's default)
 */
public record BackendOptions(int intraOpThreads) {
    public static BackendOptions defaults() {
        return new BackendOptions(0);
    }
}
