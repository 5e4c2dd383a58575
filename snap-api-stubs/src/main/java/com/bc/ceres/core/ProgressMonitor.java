package com.bc.ceres.core;

/** SNAP API stub of ceres-core's {@code ProgressMonitor}; see the module README. */
public interface ProgressMonitor {
    /** The monitor that ignores everything. */
    ProgressMonitor NULL = new NullProgressMonitor();

    /** Total work is not known. */
    int UNKNOWN = -1;

    void beginTask(String taskName, int totalWork);

    void done();

    void internalWorked(double work);

    boolean isCanceled();

    void setCanceled(boolean canceled);

    void setTaskName(String taskName);

    void setSubTaskName(String subTaskName);

    void worked(int work);
}
