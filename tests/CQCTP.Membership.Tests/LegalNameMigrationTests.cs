using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Data.Sql;
using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CQCTP.Membership.Tests;

/// <summary>
/// The data migration to the stricter duplicate rule, replayed on rows stored under the old one: colliding rows are
/// kept and reported, never a failed migration, and the database's key is the one the code computes.
/// </summary>
[Collection(MembershipCollection.Name)]
public sealed class LegalNameMigrationTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Renormalize_KeepsTheOldestKey_SuffixesAndReportsTheOthers()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var oldest = Guid.CreateVersion7();
        var colliding = Guid.CreateVersion7();
        var distinct = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(fixture.DatabaseConnectionString);
        await connection.OpenAsync();
        // Keys as the old rule (upper case, single spaces) stored them: distinct then.
        await InsertAsync(connection, oldest, $"Œuvre de l'Étoile {suffix}", $"ŒUVRE DE L'ÉTOILE {suffix}".ToUpperInvariant(), 0);
        await InsertAsync(connection, colliding, $"OEUVRE DE L ETOILE {suffix}", $"OEUVRE DE L ETOILE {suffix}", 1);
        await InsertAsync(connection, distinct, $"Maison Unique {suffix}", $"MAISON UNIQUE {suffix}", 2);

        foreach (var statement in LegalNameSql.UpStatements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var keys = await db.Organizations.AsNoTracking().Where(o => o.Id == oldest || o.Id == colliding || o.Id == distinct)
            .ToDictionaryAsync(o => o.Id, o => o.NormalizedLegalName);
        Assert.Equal(Organization.Normalize($"Œuvre de l'Étoile {suffix}"), keys[oldest]);
        Assert.Equal($"{keys[oldest]} #{colliding}", keys[colliding]);
        Assert.Equal(Organization.Normalize($"Maison Unique {suffix}"), keys[distinct]);
        var reported = await db.Database.SqlQuery<LegalNameCollision>($"""
            SELECT organization_id AS "OrganizationId", legal_name AS "LegalName", kept_organization_id AS "KeptOrganizationId"
            FROM legal_name_collisions WHERE organization_id IN ({oldest}, {colliding}, {distinct})
            """).ToListAsync();
        var collision = Assert.Single(reported);
        Assert.Equal(colliding, collision.OrganizationId);
        Assert.Equal(oldest, collision.KeptOrganizationId);
    }

    private static async Task InsertAsync(NpgsqlConnection connection, Guid id, string legalName, string key, int minutes)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO organizations (id, legal_name, normalized_legal_name, status, created_at, updated_at)
            VALUES (@id, @name, @key, 'Active', @at, @at)
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("name", legalName);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("at", new DateTimeOffset(2020, 1, 1, 0, minutes, 0, TimeSpan.Zero));
        await command.ExecuteNonQueryAsync();
    }
}
