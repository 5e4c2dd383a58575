package eu.ai4c.desktop.form.ui;

import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.Progress;
import eu.ai4c.kit.progress.TrackedProgress;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;

/**
 * What every live training window (LSTM, U-Net, SRGAN) shares: the bar at its foot (status line,
 * progress bar, Start, Stop), the layout of the service's form beside the results, the trainer's
 * progress shown on the bar, and running the training on a background thread with the outcome
 * handed back on the event thread (charts are each window's own: JFreeChart is a private library of
 * every UI module). The windows differ only in their form,
 * charts and result views. Component names: {@code <prefix>.start}, {@code <prefix>.stop},
 * {@code <prefix>.progress}, {@code <prefix>.status}. Use on the event thread, except
 * {@link #barProgress} (any thread).
 */
public final class TrainingControls extends JPanel {
    private final String title;
    private final JButton start = new JButton("Start");
    private final JButton stop = new JButton("Stop");
    private final JProgressBar progress = new JProgressBar();
    private final JLabel status;

    /**
     * @param prefix   component-name prefix
     * @param title    the window's title, for error dialogs ({@code Train U-Net})
     * @param prompt   the first status line, saying what to fill in
     * @param onStart  Start pressed
     * @param onStop   Stop pressed (training ends after the current batch and keeps the best so far)
     */
    public TrainingControls(String prefix, String title, String prompt, Runnable onStart, Runnable onStop) {
        super(new FlowLayout(FlowLayout.TRAILING));
        this.title = title;
        status = new JLabel(prompt);
        start.setName(prefix + ".start");
        stop.setName(prefix + ".stop");
        progress.setName(prefix + ".progress");
        status.setName(prefix + ".status");
        progress.setStringPainted(true);
        stop.setEnabled(false);
        start.addActionListener(e -> onStart.run());
        stop.addActionListener(e -> {
            onStop.run();
            status.setText("Stopping after this batch; the best epoch so far is kept.");
        });
        add(status);
        add(progress);
        add(start);
        add(stop);
    }

    /** The service's form on the left, the results on the right, in {@code panel} (a BorderLayout) with this bar at its foot. */
    public void layOut(JPanel panel, FormModel form, JComponent results) {
        FormPanel formPanel = new FormPanel(form, () -> { });
        formPanel.setPreferredSize(new Dimension(420, 320));
        panel.add(new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, formPanel, results), BorderLayout.CENTER);
        panel.add(this, BorderLayout.SOUTH);
    }

    /** Shows {@code text} on the status line. */
    public void setStatus(String text) {
        status.setText(text);
    }

    public String status() {
        return status.getText();
    }

    public JProgressBar progressBar() {
        return progress;
    }

    /**
     * The form's first problem (a parameter message, or a missing output folder), shown on the
     * status line; null when the form can run.
     */
    public String refuseInvalid(FormModel form) {
        String problem = form.firstMessage().orElse(form.target().folder().isBlank() ? "Choose the output folder." : null);
        if (problem != null) status.setText(problem);
        return problem;
    }

    /**
     * Runs {@code training} on a daemon thread named {@code threadName} with Start disabled and Stop
     * enabled; on the event thread afterwards either {@code onDone} gets the result (and then
     * {@code summary} of it is the status line) or the failure is shown (status line, and a dialog
     * when there is a display).
     *
     * @return completes with the result, or exceptionally with the failure
     */
    public <T> CompletableFuture<T> run(String threadName, Callable<T> training, Consumer<T> onDone,
                                        java.util.function.Function<T, String> summary) {
        CompletableFuture<T> done = new CompletableFuture<>();
        start.setEnabled(false);
        stop.setEnabled(true);
        progress.setValue(0);
        Thread worker = new Thread(() -> {
            try {
                T result = training.call();
                SwingUtilities.invokeLater(() -> {
                    idle();
                    status.setText(summary.apply(result));
                    onDone.accept(result);
                });
                done.complete(result);
            } catch (Exception | Error e) {
                SwingUtilities.invokeLater(() -> failed(e));
                done.completeExceptionally(e);
            }
        }, threadName);
        worker.setDaemon(true);
        worker.start();
        return done;
    }

    /** A refusal before training began: the future fails with the message already on the status line. */
    public static <T> CompletableFuture<T> refused(String problem) {
        CompletableFuture<T> done = new CompletableFuture<>();
        done.completeExceptionally(new Ai4cException(problem));
        return done;
    }

    private void idle() {
        start.setEnabled(true);
        stop.setEnabled(false);
    }

    private void failed(Throwable e) {
        idle();
        String message = e instanceof Ai4cException ? e.getMessage() : "Training failed: " + e;
        status.setText(message);
        if (!java.awt.GraphicsEnvironment.isHeadless()) {
            JOptionPane.showMessageDialog(this, message, title, JOptionPane.ERROR_MESSAGE);
        }
    }

    /**
     * The trainer's progress on the bar ({@code "<stage>: 12/40 <unit>"}). Nothing cancels it:
     * stopping is Stop's job (training ends after the batch and keeps the best so far).
     */
    public Progress barProgress(String unit) {
        return new TrackedProgress() {
            @Override
            protected void stageBegun(String stage, long total, long startNanos) {
                show(stage, 0, total);
            }

            @Override
            protected void advanced(long done, long total) {
                show(state(System.nanoTime()).stage(), Math.min(done, total), total);
            }

            @Override
            protected void stageEnded(State state) {
                show(state.stage(), state.total(), state.total());
            }

            private void show(String stage, long done, long total) {
                SwingUtilities.invokeLater(() -> {
                    // JProgressBar counts in int: very long stages are scaled down
                    int shift = 0;
                    while ((total >> shift) > Integer.MAX_VALUE) shift++;
                    progress.setMaximum((int) (total >> shift));
                    progress.setValue((int) (done >> shift));
                    progress.setString(stage + ": " + done + "/" + total + " " + unit);
                });
            }
        };
    }
}
