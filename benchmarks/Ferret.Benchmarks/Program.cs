using BenchmarkDotNet.Running;
using Ferret.Benchmarks.Server;

// Whole-run server benchmarks take a verb of their own; everything else is BenchmarkDotNet.
return args switch
{
    ["hec-load", .. var rest] => await HecLoad.RunAsync(rest),
    ["schedule-round", .. var rest] => await ScheduleRound.RunAsync(rest),
    ["store-append", .. var rest] => await StoreAppend.RunAsync(rest),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
