using PmfBot.Domain.Calendar;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Import;

/// <summary>
/// Imports any file the import takes (CSV or .xlsx): recognises what it is by its headings (a
/// single data list, past values, board actions or risks) and hands it to that import. Every one
/// checks the whole file first and writes nothing unless it is clean.
/// </summary>
public sealed class ImportFile(PmfDbContext db, TimeProvider clock, ReturnCalendar? calendar = null)
{
    public async Task<ImportResult> ImportAsync(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        if (Path.GetExtension(path).Equals(".xls", StringComparison.OrdinalIgnoreCase))
        {
            return ImportResult.Rejected([new ImportProblem(1, null, "this is an old Excel file (.xls): save it as an Excel workbook (.xlsx) or as CSV and import that.")]);
        }

        await using var file = File.OpenRead(path);
        return await ImportAsync(SingleDataListImport.ReadSheet(file, SingleDataListImport.FormatOf(path)), options, cancellationToken);
    }

    public async Task<ImportResult> ImportAsync(Sheet sheet, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var kind = ImportKinds.Recognise(sheet);
        var result = kind switch
        {
            ImportKind.PastValues => await new PastValuesImport(db, clock, calendar ?? ReturnCalendar.EnglandAndWales()).ImportAsync(sheet, options, cancellationToken),
            ImportKind.BoardActions => await new BoardActionsImport(db, clock).ImportAsync(sheet, options, cancellationToken),
            ImportKind.Risks => await new RisksImport(db, clock).ImportAsync(sheet, options, cancellationToken),
            ImportKind.People => await new PeopleImport(db, clock).ImportAsync(sheet, options, cancellationToken),
            _ => await new SingleDataListImport(db, clock).ImportAsync(sheet, options, cancellationToken),
        };
        return result with { Kind = kind };
    }
}
