using Ferret.Engine.Execution;
using Ferret.Engine.Operators;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;
using Ferret.Spl.Tables;

namespace Ferret.Engine.Planning;

/// <summary>
/// Binds a syntax tree to operators: one method per command family (Planner.*.cs), each checking its options and
/// reporting what Ferret cannot honour as a diagnostic at compile time, never as a silent no-op.
/// </summary>
public sealed partial class Planner
{
    private readonly BindContext _bind;
    private readonly ExpressionCompiler _expressions;
    private readonly SearchCompiler _search;

    /// <summary>How deep <see cref="Plan"/> calls are nested: the outermost plans the main search.</summary>
    private int _depth;

    public Planner(BindContext bind)
    {
        _bind = bind;
        _expressions = new ExpressionCompiler(bind);
        // A subsearch in search terms is evaluated when its command first runs. In the main search, that can be at the
        // first event fed (a leading search), so one that reads the run's events is listed with the command that holds it:
        // a fed run feeds it beside the main search only if that command runs once the read ended
        // (IncrementalRun.TryStart). Elsewhere, one that reads the run's events cannot be fed. One that makes its rows
        // without events (an inputlookup), and nests no search that reads them, gives the same rows whenever it runs.
        _search = new SearchCompiler(bind, pipeline =>
        {
            var readersBefore = bind.NestedReaderCount;
            var inMainCommand = _depth == 1;
            var plan = PlanSubsearch(pipeline);
            var nestsNoReader = bind.NestedReaderCount == readersBefore + 1;
            if (inMainCommand && nestsNoReader)
            {
                _mainCommandReadingSubsearch |= !plan.Pipeline.ReadsNoEvents;
            }
            else if (!plan.Pipeline.ReadsNoEvents || !nestsNoReader)
            {
                bind.MarkUnlistedReader();
            }

            return plan;
        });
    }

    /// <summary>Whether the main search's command being bound holds a subsearch that reads the run's events.</summary>
    private bool _mainCommandReadingSubsearch;

    /// <summary>Plans a search: its input is the run's events (or nothing, when it starts with a generating command).</summary>
    public CompiledPipeline Plan(Pipeline pipeline)
    {
        _depth++;
        var planned = PlanCommands(pipeline.Commands, allowGeneratingFirst: true, main: _depth == 1);
        _depth--;
        if (_depth > 0)
        {
            // A search planned inside another (subsearch, join, append, appendcols) reads the run's events itself.
            _bind.AddNestedReader(planned);
        }

        return planned;
    }

    /// <summary>Plans commands that run over results handed to them (appendpipe, foreach templates).</summary>
    public CompiledPipeline PlanBody(Pipeline pipeline) => PlanCommands(pipeline.Commands, allowGeneratingFirst: false, main: false);

    public SubsearchPlan PlanSubsearch(Pipeline pipeline)
    {
        _bind.MarkReadsEventsAgain();
        return new(Plan(pipeline));
    }

    /// <param name="main">Whether these are the main search's commands: each that holds a subsearch reading the run's
    /// events is listed (<see cref="BindContext.ReadingSubsearchOperators"/>).</param>
    private CompiledPipeline PlanCommands(IReadOnlyList<CommandNode> commands, bool allowGeneratingFirst, bool main)
    {
        var operators = new List<Operator>();
        var boundFrom = new List<CommandNode>();
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            var op = Bind(command);
            if (main && _mainCommandReadingSubsearch)
            {
                _mainCommandReadingSubsearch = false;
                if (op is not null)
                {
                    _bind.AddReadingSubsearchOperator(op);
                }
            }

            if (CommandTable.Find(command.Name) is { ReadsEventsAgain: true })
            {
                _bind.MarkReadsEventsAgain();
            }

            if (op is MapOperator)
            {
                // Its searches are compiled as the run goes, so nobody can list what they read beforehand.
                _bind.MarkUnlistedReader();
            }

            if (op is null)
            {
                continue;
            }

            if (op.Kind == OperatorKind.Generating && (i > 0 || !allowGeneratingFirst))
            {
                _bind.Report(DiagnosticFacts.CommandNotFirst(command.Span, command.Name));
                continue;
            }

            operators.Add(op);
            boundFrom.Add(command);
        }

        if (allowGeneratingFirst && operators is not [{ Kind: OperatorKind.Generating }, ..])
        {
            EventOrderPlan.Apply(operators, boundFrom);
        }

        return new CompiledPipeline(operators);
    }

    private Operator? Bind(CommandNode command) => command switch
    {
        SearchCommandNode search => BindSearch(search),
        WhereCommandNode where => new WhereOperator(_expressions.Compile(where.Condition)),
        EvalCommandNode eval => BindEval(eval),
        StatsCommandNode stats => BindStats(stats),
        TstatsCommandNode tstats => BindTstats(tstats),
        ChartCommandNode chart => BindChart(chart),
        TopCommandNode top => BindTop(top),
        TransactionCommandNode transaction => BindTransaction(transaction),
        SortCommandNode sort => BindSort(sort),
        DedupCommandNode dedup => BindDedup(dedup),
        HeadCommandNode head => BindHead(head),
        RexCommandNode rex => BindRex(rex),
        RegexCommandNode regex => BindRegex(regex),
        RenameCommandNode rename => BindRename(rename),
        TableCommandNode table => new TableOperator(table.Fields.Select(f => new FieldNamePattern(f.Text)).ToList()),
        FieldsCommandNode fields => new FieldsOperator(fields.IsRemove, fields.Fields.Select(f => new FieldNamePattern(f.Text)).ToList()),
        FillnullCommandNode fillnull => BindFillnull(fillnull),
        MvexpandCommandNode mvexpand => BindMvexpand(mvexpand),
        MakemvCommandNode makemv => BindMakemv(makemv),
        ConvertCommandNode convert => BindConvert(convert),
        BinCommandNode bin => BindBin(bin),
        SpathCommandNode spath => BindSpath(spath),
        FieldListCommandNode list => BindFieldList(list),
        ReplaceCommandNode replace => BindReplace(replace),
        LookupCommandNode lookup => BindLookup(lookup),
        InputlookupCommandNode inputlookup => BindInputlookup(inputlookup),
        OutputlookupCommandNode outputlookup => BindOutputlookup(outputlookup),
        JoinCommandNode join => BindJoin(join),
        AppendCommandNode append => BindAppend(append),
        ForeachCommandNode @foreach => BindForeach(@foreach),
        ReturnCommandNode @return => BindReturn(@return),
        FormatCommandNode format => BindFormat(format),
        MakeresultsCommandNode makeresults => BindMakeresults(makeresults),
        FromCommandNode from => BindFrom(from),
        DatamodelCommandNode datamodel => BindDatamodel(datamodel),
        MapCommandNode map => BindMap(map),
        RestCommandNode rest => NotSupported(rest, "there is no Splunk server to query"),
        OptionsCommandNode options => NotSupported(options, ReasonFor(options.Name)),
        GenericCommandNode generic => Unknown(generic),
        _ => NotSupported(command, "Ferret does not implement this command"),
    };

    private Operator? NotSupported(CommandNode command, string reason)
    {
        _bind.Report(DiagnosticFacts.CommandNotSupported(command.Span, command.Name, reason));
        return null;
    }

    /// <summary>A command the registry does not declare is an error of the search, as in Splunk; a declared one Ferret
    /// does not run is a limitation of Ferret.</summary>
    private Operator? Unknown(CommandNode command)
    {
        if (CommandTable.Find(command.Name) is null)
        {
            _bind.Report(DiagnosticFacts.UnknownCommand(command.Span, command.Name, NameSuggestion.Closest(command.Name, CommandTable.Names)));
            return null;
        }

        return NotSupported(command, ReasonFor(command.Name));
    }

    private static string ReasonFor(string name) => name switch
    {
        "apply" or "fit" => "Machine Learning Toolkit models are not available",
        "collect" => "there is no summary index to write to",
        "delete" or "sendemail" => "Ferret never changes indexes or sends mail",
        "cyberchef" => "the CyberChef for Splunk app is not available",
        _ => "Ferret does not implement this command",
    };

    private FilterOperator? BindSearch(SearchCommandNode search) =>
        search.Query is null ? null : new FilterOperator("search", _search.Compile(search.Query));

    private void CheckOptions(string command, IReadOnlyList<CommandOption> options, params string[] known)
    {
        foreach (var option in options)
        {
            if (!known.Contains(option.Name, StringComparer.OrdinalIgnoreCase))
            {
                _bind.Report(DiagnosticFacts.OptionNotSupported(option.Span, command, option.Name));
            }
        }
    }

    private bool Flag(string command, IReadOnlyList<CommandOption> options, string name, bool defaultValue)
    {
        if (options.Find(name) is not { } option)
        {
            return defaultValue;
        }

        if (BooleanWord(option.Value.Text) is { } value)
        {
            return value;
        }

        _bind.Report(DiagnosticFacts.InvalidOptionValue(option.Value.Span, command, name, option.Value.Text, "true or false"));
        return defaultValue;
    }

    /// <summary>An option's boolean word (<c>t/true/1/yes</c>, <c>f/false/0/no</c>, any case), or null for any other text.</summary>
    private static bool? BooleanWord(string text) => text.ToLowerInvariant() switch
    {
        "t" or "true" or "1" or "yes" => true,
        "f" or "false" or "0" or "no" => false,
        _ => null,
    };

    private int Integer(string command, IReadOnlyList<CommandOption> options, string name, int defaultValue)
    {
        if (options.Find(name) is not { } option)
        {
            return defaultValue;
        }

        if (int.TryParse(option.Value.Text, out var value) && value >= 0)
        {
            return value;
        }

        _bind.Report(DiagnosticFacts.InvalidOptionValue(option.Value.Span, command, name, option.Value.Text, "a whole number"));
        return defaultValue;
    }

    private BinSpan? Span(string command, IReadOnlyList<CommandOption> options)
    {
        if (options.Find("span") is not { } option)
        {
            return null;
        }

        if (BinSpan.TryParse(option.Value.Text, out var span))
        {
            return span;
        }

        _bind.Report(DiagnosticFacts.InvalidOptionValue(option.Value.Span, command, "span", option.Value.Text, "a span such as 1h, 5m, 1d or a number"));
        return null;
    }
}
