using System.Data.Common;
using System.Globalization;
using System.Text;
using CQCTP.ApiConventions.Http;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Data.Sql;
using CQCTP.Primitives;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// The directory's search in SQL of its own (docs/benchmarks.md, "Membership: the public service directory"), with the
/// same rows, order and total as the EF query it replaced. The page is chosen and ordered on the services alone; only
/// its services are then joined to their row, organization and category. With text, every match must be ranked
/// anyway, so the total comes in the same statement (<c>count(*) OVER ()</c>) instead of a second reading of the
/// matches; without text, the page is read in the name index's order and counted apart only when it is full. The text
/// query is parsed once per statement (a sub-select): inline, a prepared statement's generic plan parses it again for
/// every row it ranks or filters.
/// </summary>
internal static class DirectorySearch
{
    public static async Task<Paged<DirectoryRow>> FindAsync(MembershipDbContext db, DirectoryQuery filter,
        PageQuery page, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(filter.Q) ? null : filter.Q;
        var parameters = new List<NpgsqlParameter>();
        var matches = Matches(filter, text, parameters, out var rank);
        // Rank first with text; then legal names in the fr-CA ICU collation ("École" before "Zoé"), service names, ids.
        string Order(string alias) => (text is null ? "" : $"{alias}rank DESC, ")
            + $"{alias}organization_legal_name, {alias}name_fr, {alias}id";
        // A withheld address never leaves the database (the CASEs).
        var sql = $"""
            SELECT p.total, s.id, s.name_fr, s.name_en, s.category_code, c.label_fr, c.label_en, s.eligibility_fr,
                   s.eligibility_en, s.region_codes, s.languages, s.addresses_sexual_exploitation,
                   s.addresses_forced_labour, o.id, o.legal_name, o.common_name, o.region_code, o.website,
                   o.public_email, o.public_phone,
                   CASE WHEN o.address_is_public THEN o.address_street END,
                   CASE WHEN o.address_is_public THEN o.address_city END,
                   CASE WHEN o.address_is_public THEN o.address_postal_code END
            FROM (
                SELECT s.id, {rank} AS rank, s.organization_legal_name, s.name_fr,
                       {(text is null ? "NULL::bigint" : "count(*) OVER ()")} AS total
                FROM {matches}
                ORDER BY {Order("")}
                LIMIT {Parameter(parameters, page.Size)} OFFSET {Parameter(parameters, page.Skip)}) p
            JOIN services s ON s.id = p.id
            JOIN organizations o ON o.id = s.organization_id
            JOIN service_categories c ON c.code = s.category_code
            ORDER BY {Order("p.")}
            """;

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var rows = new List<DirectoryRow>(page.Size);
            long? total = null;
            await using (var command = new NpgsqlCommand(sql, connection))
            {
                parameters.ForEach(p => command.Parameters.Add(p));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    total = reader.IsDBNull(0) ? null : reader.GetInt64(0);
                    rows.Add(Read(reader));
                }
            }

            // A page that is not full is the last (total = skip + its rows), unless it is an empty one past the first.
            if (total is null && rows.Count < page.Size && (rows.Count > 0 || page.Skip == 0))
            {
                total = page.Skip + rows.Count;
            }

            if (total is null)
            {
                var countParameters = new List<NpgsqlParameter>();
                await using var count = new NpgsqlCommand(
                    $"SELECT count(*) FROM {Matches(filter, text, countParameters, out _)}", connection);
                countParameters.ForEach(p => count.Parameters.Add(p));
                total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            }

            return new Paged<DirectoryRow>(rows, page.PageNumber, page.Size, checked((int)total.Value));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The services the directory shows that match the filters: "services s WHERE …".
    private static string Matches(DirectoryQuery filter, string? text, List<NpgsqlParameter> parameters, out string rank)
    {
        // The partial indexes' predicate (ServiceOfferingConfiguration.DirectoryRowsFilter), word for word.
        var where = new StringBuilder("services s WHERE s.is_public AND s.organization_active");
        // Containment (@>) uses the GIN indexes on regions and languages; "= ANY" would not.
        if (filter.Region is { } region)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND s.region_codes @> {Parameter(parameters, new[] { region })}");
        }

        if (filter.Category is { } category)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND s.category_code = {Parameter(parameters, category)}");
        }

        if (filter.Language is { } language)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND s.languages @> {Parameter(parameters, new[] { language })}");
        }

        where.Append(filter.Focus switch
        {
            "sexualExploitation" => " AND s.addresses_sexual_exploitation",
            "forcedLabour" => " AND s.addresses_forced_labour",
            _ => "",
        });
        rank = "NULL::real";
        if (text is not null)
        {
            // A sub-select is evaluated once per statement; the bare function, in a generic plan, once per row.
            var query = $"(SELECT websearch_to_tsquery('{DirectorySql.SearchConfiguration}', {Parameter(parameters, text)}))";
            where.Append(CultureInfo.InvariantCulture, $" AND s.search_vector @@ {query}");
            rank = $"ts_rank(s.search_vector, {query})";
        }

        return where.ToString();
    }

    private static DirectoryRow Read(DbDataReader reader) => new(
        reader.GetGuid(1), reader.GetString(2), NullableString(reader, 3), reader.GetString(4),
        BilingualText.Of(reader.GetString(5), NullableString(reader, 6)), NullableString(reader, 7),
        NullableString(reader, 8), reader.GetFieldValue<string[]>(9), reader.GetFieldValue<string[]>(10),
        reader.GetBoolean(11), reader.GetBoolean(12), reader.GetGuid(13), reader.GetString(14),
        NullableString(reader, 15), NullableString(reader, 16), NullableString(reader, 17), NullableString(reader, 18),
        NullableString(reader, 19), NullableString(reader, 20), NullableString(reader, 21), NullableString(reader, 22));

    private static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Parameter<T>(List<NpgsqlParameter> parameters, T value)
    {
        parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return $"${parameters.Count}";
    }
}
