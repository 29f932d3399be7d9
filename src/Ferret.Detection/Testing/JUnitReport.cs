using System.Globalization;
using System.Text;
using System.Xml;

namespace Ferret.Detection.Testing;

/// <summary>
/// A test run as JUnit XML, the shape CI systems read: one <c>testsuite</c> per detection, one
/// <c>testcase</c> per test, with <c>failure</c>, <c>error</c> or <c>skipped</c> carrying the reason.
/// </summary>
public static class JUnitReport
{
    public static string Write(TestRun run)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            var all = run.Detections.SelectMany(d => d.Tests).ToList();
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "ferret test");
            WriteCounts(xml, all, run.Duration);
            foreach (var detection in run.Detections)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", detection.Detection.Name);
                WriteCounts(xml, detection.Tests, detection.Duration);
                foreach (var test in detection.Tests)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", detection.Detection.FilePath.Length > 0 ? detection.Detection.FilePath : detection.Detection.Name);
                    xml.WriteAttributeString("name", test.TestName);
                    xml.WriteAttributeString("time", Seconds(test.Duration));
                    var element = test.Status switch
                    {
                        TestStatus.Fail => "failure",
                        TestStatus.Error => "error",
                        TestStatus.Skip => "skipped",
                        _ => null,
                    };
                    if (element is not null)
                    {
                        xml.WriteStartElement(element);
                        xml.WriteAttributeString("message", test.Message);
                        xml.WriteEndElement();
                    }

                    xml.WriteElementString("system-out",
                        $"results={test.ResultCount} notables={test.Notables} risk_events={test.RiskEvents} events_read={test.EventsRead}");
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<TestOutcome> tests, TimeSpan duration)
    {
        xml.WriteAttributeString("tests", tests.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", tests.Count(t => t.Status == TestStatus.Fail).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", tests.Count(t => t.Status == TestStatus.Error).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", tests.Count(t => t.Status == TestStatus.Skip).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(duration));
    }

    internal static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
