using Ferret.Events;
using Ferret.Knowledge.Compilation;
using Ferret.Knowledge.Conf;
using Ferret.Knowledge.Loading;

namespace Ferret.Knowledge.Tests.Conf;

public sealed class CimDataModelJsonTests
{
    // The shape of the CIM app's default/data/models/*.json, cut down to one root and one child.
    private const string Model = """
        {
          "modelName": "Network_Traffic",
          "description": "Network traffic",
          "objects": [
            {
              "objectName": "All_Traffic",
              "parentName": "BaseEvent",
              "constraints": [ { "search": "tag=network tag=communicate", "owner": "All_Traffic" } ],
              "fields": [
                { "fieldName": "_time", "owner": "BaseEvent" },
                { "fieldName": "action", "owner": "All_Traffic" },
                { "fieldName": "dest_port", "owner": "All_Traffic" }
              ],
              "calculations": [
                { "calculationType": "Eval", "expression": "if(isnull(dest) OR dest=\"\",\"unknown\",dest)",
                  "outputFields": [ { "fieldName": "dest", "owner": "All_Traffic" } ] },
                { "calculationType": "GeoIP", "outputFields": [ { "fieldName": "dest_city" } ] }
              ]
            },
            {
              "objectName": "Blocked_Traffic",
              "parentName": "All_Traffic",
              "constraints": [ { "search": "action=blocked" } ]
            }
          ]
        }
        """;

    [Fact]
    public void Objects_constraints_fields_eval_calculations_and_inheritance_are_read()
    {
        var problems = new List<KnowledgeProblem>();

        var model = CimDataModelJson.Read("Network_Traffic.json", Model, problems)!;

        Assert.Equal("Network_Traffic", model.Name);
        var root = model.Find("All_Traffic")!;
        Assert.Equal("(tag=network tag=communicate)", root.Constraint);
        Assert.Equal(["action", "dest_port", "dest"], root.Fields.Select(f => f.Name));
        Assert.Equal("if(isnull(dest) OR dest=\"\",\"unknown\",dest)", root.Fields[2].Expression);
        Assert.Same(root, model.Find("Blocked_Traffic")!.Parent);
        Assert.Contains(problems, p => p.Message.Contains("GeoIP", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_json_in_a_users_app_replaces_ferrets_model_of_that_name()
    {
        var app = new SplunkApp("Splunk_SA_CIM", [], [], new Dictionary<string, Func<TextReader>>()) { DataModelFiles = [("Network_Traffic.json", Model)] };
        var knowledge = KnowledgeBase.FromFiles([], [], new EngineKnowledgeCompiler(), [app]);
        var e = new Event { Raw = "x", SourceType = "t" };
        e.Set("tag", FieldValue.Multi(["network", "communicate"]));
        e.Set("action", "blocked");

        var view = knowledge.DataModels.Resolve("Network_Traffic.Blocked_Traffic")!;

        Assert.True(view.TryProject(e, out var projected));
        Assert.Equal("unknown", projected["All_Traffic.dest"].Text);
        Assert.Equal("blocked", projected["All_Traffic.action"].Text);
    }

    [Fact]
    public void Json_that_is_not_a_data_model_is_reported_with_its_position()
    {
        var problems = new List<KnowledgeProblem>();

        Assert.Null(CimDataModelJson.Read("Bad.json", "{\n  \"modelName\": \"x\",\n  oops\n}", problems));

        var problem = Assert.Single(problems);
        Assert.Equal(("Bad.json", 3), (problem.File, problem.Line));
    }
}
