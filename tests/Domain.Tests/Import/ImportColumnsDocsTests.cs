using PmfBot.Domain.Import;

namespace PmfBot.Domain.Tests.Import;

public sealed class ImportColumnsDocsTests
{
    public static TheoryData<string, string> Columns()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, columns) in new[] { ("past values", PastValuesColumns.All), ("board actions", BoardActionColumns.All), ("risks", RiskColumns.All), ("people", PeopleColumns.All) })
        {
            foreach (var column in columns)
            {
                data.Add(file, column.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void Every_column_of_the_other_files_is_documented_in_docs_import_md(string file, string column)
    {
        var docs = File.ReadAllText(Path.Combine(Samples.RepositoryRoot(), "docs", "import.md"));

        Assert.True(docs.Contains($"| {column} |", StringComparison.Ordinal), $"{file}: column {column} is not in docs/import.md");
    }

    [Theory]
    [InlineData("Indicator code,Period,Value", ImportKind.PastValues)]
    [InlineData("Priority code,Action,Owner email,Due date,Status", ImportKind.BoardActions)]
    [InlineData("Priority code,Risk,Impact before mitigation", ImportKind.Risks)]
    [InlineData("Name,Email,Entra object id", ImportKind.People)]
    [InlineData("Plan,Board,Indicator code", ImportKind.DataList)]
    public void A_file_is_recognised_by_its_headings(string header, ImportKind kind) =>
        Assert.Equal(kind, ImportKinds.Recognise(CsvSheet.Read(new StringReader(header + "\n"))));
}
