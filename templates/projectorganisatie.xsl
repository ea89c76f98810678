<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Projectorganisatie (stap 1.7): rollen, inbreng, uren, overleggen en afspraken per organisatie -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>

  <xsl:variable name="people" select="/kngg-export/stakeholders/stakeholder[not(@erased = 'true')]"/>
  <xsl:variable name="roles" select="$people/roles/role[not(@until)]"/>
  <xsl:variable name="agreements" select="/kngg-export/signatures/signature[@signoff = '1.7/s1' and not(@withdrawn = 'true')]"/>

  <xsl:template match="/kngg-export">
    <document title="Projectorganisatie" subtitle="Kind naar Gezonder Gewicht in {@name}, stap 1.7">
      <xsl:call-template name="kngg-header"><xsl:with-param name="today" select="$today"/></xsl:call-template>
      <p>Wie in welke rol meedoet, wat hij of zij inbrengt, hoeveel uur per week, en hoe vaak de overleggen bijeenkomen. Wat kngg nog niet weet, staat als invulplek.</p>

      <h1>Rollen en mensen</h1>
      <xsl:choose>
        <xsl:when test="$roles">
          <table>
            <tr><th>Rol</th><th>Persoon</th><th>Organisatie</th><th>Inbreng</th><th>Uren per week</th><th>Vervanging</th></tr>
            <xsl:for-each select="$roles">
              <xsl:sort select="string-length(substring-before($kngg-role-order, concat('|', @role, '|'))) + 999 * number(not(contains($kngg-role-order, concat('|', @role, '|'))))" data-type="number"/>
              <xsl:sort select="@deputy"/>
              <xsl:variable name="role" select="@role"/>
              <tr>
                <td><xsl:value-of select="@title"/><xsl:if test="@deputy = 'true'"> (plaatsvervanger)</xsl:if></td>
                <td><xsl:call-template name="kngg-person-name"><xsl:with-param name="person" select="../.."/></xsl:call-template></td>
                <td><xsl:value-of select="../../@organisation"/></td>
                <td>
                  <xsl:call-template name="kngg-value-or-fill">
                    <xsl:with-param name="value" select="@contribution"/>
                    <xsl:with-param name="fill" select="'wat deze persoon in deze rol inbrengt'"/>
                  </xsl:call-template>
                </td>
                <td>
                  <xsl:call-template name="kngg-value-or-fill">
                    <xsl:with-param name="value" select="@hours"/>
                    <xsl:with-param name="fill" select="'uren'"/>
                  </xsl:call-template>
                </td>
                <td>
                  <xsl:variable name="others" select="$roles[@role = $role and @deputy != current()/@deputy]"/>
                  <xsl:choose>
                    <xsl:when test="@deputy = 'true'">vervangt <xsl:for-each select="$others"><xsl:value-of select="../../@name"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each><xsl:if test="not($others)">niemand (geen vaste houder)</xsl:if></xsl:when>
                    <xsl:when test="$others">
                      <xsl:for-each select="$others"><xsl:value-of select="../../@name"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
                    </xsl:when>
                    <xsl:when test="count($roles[@role = $role]) &gt; 1">andere leden</xsl:when>
                    <xsl:otherwise><fill>wie vervangt bij afwezigheid</fill></xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>Er zijn nog geen rollen toegewezen. <fill>wie welke rol krijgt, met inbreng en uren</fill></p>
        </xsl:otherwise>
      </xsl:choose>

      <h1>Overleggen</h1>
      <table>
        <tr><th>Overleg</th><th>Leden</th><th>Voorzitter</th><th>Hoe vaak</th><th>Waarover het beslist</th></tr>
        <xsl:call-template name="body"><xsl:with-param name="ids" select="'|kerngroep|'"/><xsl:with-param name="title" select="'Kerngroep'"/></xsl:call-template>
        <xsl:call-template name="body"><xsl:with-param name="ids" select="'|projectgroep|'"/><xsl:with-param name="title" select="'Projectgroep'"/></xsl:call-template>
        <xsl:call-template name="body"><xsl:with-param name="ids" select="'|stuurgroep|'"/><xsl:with-param name="title" select="'Stuurgroep'"/></xsl:call-template>
        <xsl:call-template name="body"><xsl:with-param name="ids" select="'|werkgroep|kartrekker|'"/><xsl:with-param name="title" select="'Werkgroepen'"/></xsl:call-template>
        <xsl:call-template name="body"><xsl:with-param name="ids" select="'|werkgroep-monitoring|onderzoeksexpert|'"/><xsl:with-param name="title" select="'Werkgroep monitoring en evaluatie'"/></xsl:call-template>
        <xsl:if test="$roles[@role = 'implementatieteam']">
          <xsl:call-template name="body"><xsl:with-param name="ids" select="'|implementatieteam|'"/><xsl:with-param name="title" select="'Implementatieteams'"/></xsl:call-template>
        </xsl:if>
      </table>

      <h1>Vertegenwoordiging en lege plekken</h1>
      <table>
        <tr><th>Niveau</th><th>Mensen met een rol in het project</th></tr>
        <xsl:call-template name="level-row"><xsl:with-param name="level" select="'bestuurlijk'"/></xsl:call-template>
        <xsl:call-template name="level-row"><xsl:with-param name="level" select="'management'"/></xsl:call-template>
        <xsl:call-template name="level-row"><xsl:with-param name="level" select="'uitvoerend'"/></xsl:call-template>
      </table>
      <xsl:variable name="sole" select="risks/risk[@kind = 'sole-holder']"/>
      <xsl:variable name="empty-roles">
        <xsl:if test="not($roles[@role = 'projectgroep'])"><li>Nog niemand in de projectgroep.</li></xsl:if>
        <xsl:if test="not($roles[@role = 'stuurgroep'])"><li>Nog niemand in een stuurgroep (of een bestaand bestuurlijk overleg dat die taak krijgt).</li></xsl:if>
        <xsl:if test="not($roles[@role = 'onderzoeksexpert' or @role = 'werkgroep-monitoring'])"><li>Nog niemand met onderzoeksexpertise of in de werkgroep monitoring en evaluatie.</li></xsl:if>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$sole or string($empty-roles) != ''">
          <ul>
            <xsl:copy-of select="$empty-roles"/>
            <xsl:for-each select="$sole"><li><xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="@text"/></xsl:call-template></li></xsl:for-each>
          </ul>
          <p><fill>hoe en met wie de lege plekken worden opgevuld, en wat daarvoor nodig is</fill></p>
        </xsl:when>
        <xsl:otherwise><p>Alle overleggen zijn bezet en elke rol heeft een vervanger.</p></xsl:otherwise>
      </xsl:choose>

      <h1>Wisselingen en overdrachten</h1>
      <p>Wie een sleutelrol (projectleider, netwerkregisseur, kerngroep, wethouder) verlaat, draagt die over: aan wie, met welk stuk en met de open afspraken en contacten. Een overdrachtsdocument alleen is niet genoeg; kennis die niet op papier staat, gaat anders verloren.</p>
      <xsl:variable name="handovers" select="handovers/handover[@withdrawn = 'false']"/>
      <xsl:variable name="missing" select="risks/risk[@kind = 'no-handover']"/>
      <xsl:choose>
        <xsl:when test="$handovers">
          <table>
            <tr><th>Rol</th><th>Van</th><th>Aan</th><th>Datum</th><th>Stuk</th><th>Open punten</th></tr>
            <xsl:for-each select="$handovers">
              <tr>
                <td><xsl:value-of select="@role_title"/></td>
                <td><xsl:call-template name="kngg-handover-name"><xsl:with-param name="name" select="@from_name"/></xsl:call-template></td>
                <td><xsl:call-template name="kngg-handover-name"><xsl:with-param name="name" select="@to_name"/></xsl:call-template></td>
                <td><xsl:value-of select="@date"/></td>
                <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@document"/></xsl:call-template></td>
                <td><xsl:value-of select="count(items/item)"/></td>
              </tr>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise><p>Nog geen overdrachten vastgelegd.</p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$missing">
        <p>Sleutelrollen die eindigden zonder vastgelegde overdracht:</p>
        <ul>
          <xsl:for-each select="$missing">
            <xsl:variable name="who" select="/kngg-export/stakeholders/stakeholder[@id = current()/@person]"/>
            <li><xsl:value-of select="@role"/>: <xsl:call-template name="kngg-handover-name"><xsl:with-param name="name" select="$who/@name"/></xsl:call-template></li>
          </xsl:for-each>
        </ul>
        <p><fill>aan wie deze rollen zijn overgegaan en wat er is overgedragen</fill></p>
      </xsl:if>

      <h1>Afspraken per organisatie</h1>
      <p>Per organisatie leggen de bevoegde personen schriftelijk vast wie zij afvaardigen, met welke rol, bijdrage en inzet (ondertekening 1.7/s1).</p>
      <xsl:choose>
        <xsl:when test="organisations/organisation or $agreements">
          <table>
            <tr><th>Organisatie</th><th>Getekend door</th><th>Datum</th><th>Stuk</th></tr>
            <xsl:for-each select="organisations/organisation">
              <xsl:variable name="mine" select="$agreements[@organisation = current()/@name]"/>
              <xsl:choose>
                <xsl:when test="$mine">
                  <xsl:for-each select="$mine">
                    <tr>
                      <td><xsl:value-of select="@organisation"/></td>
                      <td><xsl:value-of select="@signer"/> (<xsl:value-of select="@role"/><xsl:if test="@as">, als <xsl:value-of select="@as"/></xsl:if>)</td>
                      <td><xsl:value-of select="@date"/></td>
                      <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@document"/></xsl:call-template></td>
                    </tr>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise>
                  <tr><td><xsl:value-of select="@name"/></td><td><fill>naam en functie van de tekenbevoegde</fill></td><td><fill>datum</fill></td><td>nog niet getekend</td></tr>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
            <xsl:for-each select="$agreements[not(@organisation = /kngg-export/organisations/organisation/@name)]">
              <tr>
                <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@organisation"/></xsl:call-template></td>
                <td><xsl:value-of select="@signer"/> (<xsl:value-of select="@role"/>)</td>
                <td><xsl:value-of select="@date"/></td>
                <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@document"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>Nog geen organisaties en nog geen afspraken vastgelegd. <fill>welke organisaties afspraken tekenen</fill></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="readiness/sections/section/rules/rule[@kind = 'getekend' and @id = '1.7/s1' and @met = 'false']">
        <p><i>Volgens kngg nog nodig:</i><xsl:text> </xsl:text><xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="@text"/></xsl:call-template></p>
      </xsl:for-each>

      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>

  <!-- Een naam uit een overdracht, of "(gewist)" na de AVG. -->
  <xsl:template name="kngg-handover-name">
    <xsl:param name="name"/>
    <xsl:choose>
      <xsl:when test="string($name) != ''"><xsl:value-of select="$name"/></xsl:when>
      <xsl:otherwise>(gewist)</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Een overleg: leden uit de rollen, de rest in te vullen. -->
  <xsl:template name="body">
    <xsl:param name="ids"/>
    <xsl:param name="title"/>
    <xsl:variable name="members" select="$roles[contains($ids, concat('|', @role, '|'))]"/>
    <tr>
      <td><xsl:value-of select="$title"/></td>
      <td>
        <xsl:for-each select="$members">
          <xsl:value-of select="../../@name"/> (<xsl:value-of select="../../@organisation"/>)<xsl:if test="position() != last()">, </xsl:if>
        </xsl:for-each>
        <xsl:if test="not($members)"><fill>wie erin zitten</fill></xsl:if>
      </td>
      <td><fill>voorzitter</fill></td>
      <td><fill>bijvoorbeeld eens per maand</fill></td>
      <td><fill>mandaat van dit overleg</fill></td>
    </tr>
  </xsl:template>

  <xsl:template name="level-row">
    <xsl:param name="level"/>
    <xsl:variable name="in" select="$people[@level = $level and roles/role[not(@until)]]"/>
    <tr>
      <td><xsl:value-of select="$level"/></td>
      <td>
        <xsl:for-each select="$in">
          <xsl:call-template name="kngg-person-name"/> (<xsl:call-template name="kngg-current-roles"/>)<xsl:if test="position() != last()">, </xsl:if>
        </xsl:for-each>
        <xsl:if test="not($in)"><fill>wie dit niveau in het project vertegenwoordigt</fill></xsl:if>
      </td>
    </tr>
  </xsl:template>
</xsl:stylesheet>
