package com.bc.ceres.core;

/** SNAP API stub of ceres-core's {@code NullProgressMonitor} (the type of {@link ProgressMonitor#NULL}). */
public class NullProgressMonitor implements ProgressMonitor {
    public NullProgressMonitor() {
    }

    public void beginTask(String taskName, int totalWork) { throw new UnsupportedOperationException("SNAP API stub: run inside SNAP"); }

    public void done() { throw new UnsupportedOperationException("SNAP API stub: run inside SNAP"); }

    public void internalWorked(double work) { throw new UnsupportedOperationException("SNAP API stub: run inside SNAP"); }

    public boolean isCanceled() { throw new UnsupportedOperationException("SNAP API stub: run inside SNAP"); }

    public void setCanceled(boolean canceled) { throw new UnsupportedOperationException("SNAP API stub: run inside SNAP"); }

    public void setTaskName(String taskName) { throw new UnsupportedOperationException("SNAP API stub: run inside SNAP"); }

    public void setSubTaskName(String subTaskName) { throw new UnsupportedOperationException("SNAP API stub: run inside SNAP"); }

    public void worked(int work) { throw new UnsupportedOperationException("SNAP API stub: run inside SNAP"); }
}
