using Ferret.Detection.Hunting;
using Ferret.Knowledge;
using Spectre.Console;

namespace Ferret.Cli.Commands;

/// <summary>
/// Runs a hunt with a progress bar on stderr (Spectre.Console) when stderr is a terminal; otherwise silently,
/// so redirected output and CI logs stay clean.
/// </summary>
internal static class HuntProgressDisplay
{
    public static HuntResult Run(HuntRequest request, KnowledgeBase knowledge)
    {
        if (Console.IsErrorRedirected)
        {
            return HuntRunner.Run(request, knowledge);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        HuntResult? result = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var compiling = context.AddTask("compiling detections", maxValue: Math.Max(1, request.Detections.Count));
                var reading = context.AddTask("reading events", autoStart: false, maxValue: 1);
                reading.IsIndeterminate = true;
                var running = context.AddTask("running detections", autoStart: false, maxValue: 1);
                var progress = new Progress(compiling, reading, running);
                result = HuntRunner.Run(request with { Progress = progress }, knowledge);
            });
        return result!;
    }

    /// <summary>Reports synchronously (Spectre's tasks are thread-safe) so the bar follows the work.</summary>
    private sealed class Progress(ProgressTask compiling, ProgressTask reading, ProgressTask running) : IProgress<HuntProgress>
    {
        public void Report(HuntProgress value)
        {
            switch (value.Stage)
            {
                case HuntStage.Compiling:
                    compiling.Value = value.Done;
                    break;
                case HuntStage.Reading:
                    reading.StartTask();
                    reading.Description = $"reading events ({value.Done:N0})";
                    if (value.Total > 0)
                    {
                        reading.IsIndeterminate = false;
                        reading.MaxValue = value.Total;
                        reading.Value = value.Total;
                    }

                    break;
                case HuntStage.Running:
                    running.StartTask();
                    running.MaxValue = Math.Max(1, value.Total);
                    running.Value = value.Done;
                    break;
            }
        }
    }
}
