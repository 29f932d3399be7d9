using Ferret.Events;
using Ferret.Knowledge.DataModels;
using Ferret.Knowledge.Definitions;
using Ferret.Knowledge.Loading;
using Ferret.Knowledge.Normalization;

namespace Ferret.Knowledge.Compilation;

/// <summary>Compiles every expression of the loaded knowledge once; one that does not compile is reported and left out.</summary>
internal static class KnowledgeCompilation
{
    public static List<CompiledSource> CompileSources(IReadOnlyList<SourceKnowledge> sources, IKnowledgeCompiler compiler, List<KnowledgeProblem> problems)
    {
        var compiled = new List<CompiledSource>();
        foreach (var source in sources)
        {
            var fields = new List<CompiledCalculatedField>();
            foreach (var field in source.CalculatedFields)
            {
                if (compiler.CompileEval(field.Expression, out var errors) is { } evaluate)
                {
                    fields.Add(new CompiledCalculatedField(field.Field, evaluate));
                }
                else
                {
                    problems.Add(Problem(source.ResourceName, $"'{source.Name}': calculated field '{field.Field}' does not compile: {string.Join("; ", errors)}"));
                }
            }

            var eventTypes = new List<CompiledEventType>();
            foreach (var eventType in source.EventTypes)
            {
                if (compiler.CompileSearch(eventType.Search, out var errors) is { } matches)
                {
                    eventTypes.Add(new CompiledEventType(eventType, matches));
                }
                else
                {
                    problems.Add(Problem(source.ResourceName, $"'{source.Name}': event type '{eventType.Name}' search does not compile: {string.Join("; ", errors)}"));
                }
            }

            compiled.Add(new CompiledSource(source, fields, eventTypes));
        }

        return compiled;
    }

    public static List<CompiledDataset> CompileDatasets(IReadOnlyList<DataModelDefinition> models, IKnowledgeCompiler compiler, List<KnowledgeProblem> problems)
    {
        var compiled = new List<CompiledDataset>();
        foreach (var model in models)
        {
            var byDefinition = new Dictionary<DatasetDefinition, CompiledDataset>();
            foreach (var dataset in model.Datasets)
            {
                var constraint = compiler.CompileSearch(dataset.Constraint, out var errors);
                if (constraint is null)
                {
                    problems.Add(Problem(model.ResourceName, $"dataset '{model.Name}.{dataset.Name}': constraint does not compile: {string.Join("; ", errors)}"));
                    constraint = NeverMatches;
                }

                var fields = new List<ProjectedField>();
                foreach (var field in dataset.Fields)
                {
                    Func<Event, FieldValue>? calculate = null;
                    if (field.Expression is { } expression)
                    {
                        calculate = compiler.CompileEval(expression, out var fieldErrors);
                        if (calculate is null)
                        {
                            problems.Add(Problem(model.ResourceName, $"dataset '{model.Name}.{dataset.Name}': field '{field.Name}' does not compile: {string.Join("; ", fieldErrors)}"));
                        }
                    }

                    fields.Add(new ProjectedField($"{dataset.Lineage}.{field.Name}", field.Name, calculate));
                }

                var parent = dataset.Parent is null ? null : byDefinition[dataset.Parent];
                var compiledDataset = new CompiledDataset(compiled.Count, model.Name, dataset, parent, constraint, fields);
                byDefinition[dataset] = compiledDataset;
                compiled.Add(compiledDataset);
            }
        }

        return compiled;
    }

    private static bool NeverMatches(Event e) => false;

    private static KnowledgeProblem Problem(string file, string message) => new(file, 1, 1, message);
}
