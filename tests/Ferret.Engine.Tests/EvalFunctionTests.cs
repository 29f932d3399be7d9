namespace Ferret.Engine.Tests;

using static Spl;

/// <summary>The eval function library, one row per behaviour (Search Reference, "Evaluation functions").</summary>
public sealed class EvalFunctionTests
{
    public static TheoryData<string, string> Cases => new()
    {
        // Comparison and conditional
        { "if(1==1, \"yes\", \"no\")", "yes" },
        { "if(missing==1, \"yes\", \"no\")", "no" },
        { "case(1==2, \"a\", 2==2, \"b\")", "b" },
        { "case(1==2, \"a\")", "∅" },
        { "coalesce(missing, null(), \"x\")", "x" },
        { "nullif(\"a\", \"a\")", "∅" },
        { "nullif(\"a\", \"b\")", "a" },
        { "if(like(\"powershell.exe\", \"power%\"), 1, 0)", "1" },
        { "if(like(\"PowerShell.exe\", \"power%\"), 1, 0)", "0" },
        { "if(match(\"abc123\", \"^[a-z]+\\d+$\"), 1, 0)", "1" },
        { "if(cidrmatch(\"10.0.0.0/8\", \"10.1.2.3\"), 1, 0)", "1" },
        { "if(cidrmatch(\"10.0.0.0/8\", \"11.1.2.3\"), 1, 0)", "0" },
        { "if(in(\"b\", \"a\", \"b\"), 1, 0)", "1" },
        { "validate(1==1, \"bad one\", 1==2, \"bad two\")", "bad two" },
        // Conversion
        { "tonumber(\"0x1F\", 16)", "31" },
        { "tonumber(\"101\", 2)", "5" },
        { "tonumber(\"abc\")", "∅" },
        { "tostring(255, \"hex\")", "0xFF" },
        { "tostring(1234567.891, \"commas\")", "1,234,567.89" },
        { "tostring(3725, \"duration\")", "01:02:05" },
        { "printf(\"%05d|%-4s|%.2f\", 42, \"ab\", 3.14159)", "00042|ab  |3.14" },
        // Crypto
        { "md5(\"abc\")", "900150983cd24fb0d6963f7d28e17f72" },
        { "sha1(\"abc\")", "a9993e364706816aba3e25717850c26c9cd0d89d" },
        { "sha256(\"abc\")", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        // Date and time
        { "strftime(0, \"%Y-%m-%dT%H:%M:%S %a %b %j\")", "1970-01-01T00:00:00 Thu Jan 001" },
        { "strftime(1.5, \"%S.%3N\")", "01.500" },
        { "strptime(\"2024-05-15 10:00:00\", \"%Y-%m-%d %H:%M:%S\")", "1715767200" },
        { "strptime(\"15/May/2024:10:00:00 +0200\", \"%d/%b/%Y:%H:%M:%S %z\")", "1715760000" },
        { "strptime(\"nonsense\", \"%Y\")", "∅" },
        { "relative_time(1715767200, \"-1d@d\")", "1715644800" },
        { "now()", "1715776496" },
        // Informational
        { "if(isnull(missing), 1, 0)", "1" },
        { "if(isnum(\"12\"), 1, 0)", "1" },
        { "typeof(12)", "Number" },
        { "typeof(\"12\")", "String" },
        { "typeof(missing)", "Invalid" },
        { "typeof(1==1)", "Boolean" },
        // JSON
        { "json_extract(\"{\\\"a\\\":{\\\"b\\\":[1,2]}}\", \"a.b{1}\")", "2" },
        { "json_object(\"k\", \"v\", \"n\", 1)", "{\"k\":\"v\",\"n\":1}" },
        { "json_keys(\"{\\\"x\\\":1,\\\"y\\\":2}\")", "[\"x\",\"y\"]" },
        { "if(json_valid(\"{\\\"a\\\":1}\"), 1, 0)", "1" },
        { "json_array_to_mv(\"[\\\"a\\\",\\\"b\\\"]\")", "a|b" },
        // Mathematical
        { "abs(-3)", "3" },
        { "round(2.567, 2)", "2.57" },
        { "round(2.5)", "3" },
        { "floor(2.7) + ceiling(2.1)", "5" },
        { "pow(2, 10)", "1024" },
        { "sqrt(16)", "4" },
        { "log(100)", "2" },
        { "exact(0.1)", "0.1" },
        { "10 % 3", "1" },
        { "7 / 0", "∅" },
        { "sigfig(1.00*1111)", "1110" },
        // Multivalue
        { "mvcount(split(\"a,b,c\", \",\"))", "3" },
        { "mvindex(split(\"a,b,c\", \",\"), -1)", "c" },
        { "mvindex(split(\"a,b,c,d\", \",\"), 1, 2)", "b|c" },
        { "mvjoin(mvappend(\"a\", \"b\", \"c\"), \";\")", "a;b;c" },
        { "mvfind(split(\"x,ab1,ab2\", \",\"), \"ab\\d\")", "1" },
        { "mvdedup(split(\"b,a,b\", \",\"))", "b|a" },
        { "mvsort(split(\"b,10,a,9\", \",\"))", "10|9|a|b" },
        { "mvzip(split(\"a,b\", \",\"), split(\"1,2\", \",\"))", "a,1|b,2" },
        { "mvrange(1, 4)", "1|2|3" },
        { "mvfilter(match(v, \"^a\"))", "ab|ac" },
        { "mvmap(v, upper(v))", "AB|B|AC" },
        // Text
        { "len(\"héllo\")", "5" },
        { "lower(\"ABC\") . upper(\"def\")", "abcDEF" },
        { "trim(\"  x  \") . \"|\" . ltrim(\"xxy\", \"x\") . \"|\" . rtrim(\"yxx\", \"x\")", "x|y|y" },
        { "substr(\"splunk\", 2, 3)", "plu" },
        { "substr(\"splunk\", -3)", "unk" },
        { "replace(\"a-b-c\", \"-(\\w)\", \"_\\1\")", "a_b_c" },
        { "urldecode(\"a%20b%2Fc\")", "a b/c" },
        { "spath(\"{\\\"a\\\":{\\\"b\\\":\\\"x\\\"}}\", \"a.b\")", "x" },
        // Statistical and trig
        { "max(1, 3, 2)", "3" },
        { "min(\"b\", \"a\")", "a" },
        { "avg(1, 2, 3)", "2" },
        { "round(cos(0) + sin(0) + atan2(0, 1), 3)", "1" },
        { "round(hypot(3, 4))", "5" },
        // Operators
        { "\"a\" . 1", "a1" },
        { "\"5\" + 3", "8" },
        { "\"a\" + \"b\"", "ab" },
        { "missing . \"x\"", "∅" },
        { "if(\"abc\" == \"ABC\", 1, 0)", "0" },
        { "if(\"10\" > 9, 1, 0)", "1" },
        { "if(\"b\" > \"a\", 1, 0)", "1" },
        { "if(NOT 1==2 AND (1==1 OR 1==2), 1, 0)", "1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eval_function_returns_what_Splunk_documents(string expression, string expected)
    {
        var e = Ev(("v", Mv("ab", "b", "ac")));
        var results = Run("| makeresults | eval v=split(\"ab,b,ac\", \",\") | eval r=" + expression, e);
        Assert.Equal(expected, results.Single("r"));
    }

    [Theory]
    [InlineData("nosuchfunction(1)", "SPL3002")]
    [InlineData("if(1==1, 2)", "SPL3003")]
    [InlineData("match(\"a\", \"(?R)\")", "SPL3004")]
    [InlineData("1==1", "SPL3011")]
    public void Eval_reports_bad_calls_at_compile_time(string expression, string code)
    {
        var compiled = SearchEngine.Compile("| makeresults | eval r=" + expression);
        Assert.Contains(compiled.Diagnostics, d => d.Code == code);
        Assert.True(compiled.HasErrors);
    }

    [Fact]
    public void A_multivalue_field_compares_equal_when_any_value_matches()
    {
        var results = Run("* | where v=\"b\"", Ev(("v", Mv("a", "b"))), Ev(("v", "c")));
        Assert.Single(results);
    }

    [Fact]
    public void Scalar_functions_use_the_first_value_of_a_multivalue_field()
    {
        // lower and upper are the exception: they change every value (functions/multivalue-more.spltest).
        var results = Run("* | eval r=len(v)", Ev(("v", Mv("abc", "d"))));
        Assert.Equal("3", results.Single("r"));
    }
}
