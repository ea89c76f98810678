<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Samenwerkingsovereenkomst (stap 1.6): partijen, inbreng, looptijd en ondertekening -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>

  <xsl:variable name="p1" select="/kngg-export/phases/phase[@number = 1]/runs/run[1]/steps"/>
  <xsl:variable name="people" select="/kngg-export/stakeholders/stakeholder[not(@erased = 'true')]"/>
  <xsl:variable name="signed" select="/kngg-export/signatures/signature[@signoff = '1.6/s1' and not(@withdrawn = 'true')]"/>
  <xsl:variable name="rule" select="(/kngg-export/readiness/sections/section/rules/rule[@kind = 'getekend' and @id = '1.6/s1'])[1]"/>

  <xsl:template match="/kngg-export">
    <document title="Samenwerkingsovereenkomst" subtitle="Lokale aanpak Kind naar Gezonder Gewicht in {@name}">
      <xsl:call-template name="kngg-header"><xsl:with-param name="today" select="$today"/></xsl:call-template>
      <p><i>Concept. Stem de tekst vooraf af met elke partij; de besturen tekenen op een gezamenlijk moment.</i></p>

      <h1>1. Partijen</h1>
      <xsl:choose>
        <xsl:when test="organisations/organisation">
          <table>
            <tr><th>Organisatie</th><th>Soort</th><th>Vertegenwoordigd door</th></tr>
            <xsl:for-each select="organisations/organisation">
              <!-- bestuurders van deze organisatie, zonder wie de rol al kwijt is -->
              <xsl:variable name="board" select="$people[@organisation = current()/@name and @level = 'bestuurlijk' and (not(roles/role) or roles/role[not(@until)])]"/>
              <tr>
                <td><xsl:value-of select="@name"/></td>
                <td><xsl:value-of select="@type_title"/></td>
                <td>
                  <xsl:for-each select="$board">
                    <xsl:call-template name="kngg-person-name"/><xsl:if test="@function">, <xsl:value-of select="@function"/></xsl:if>
                    <xsl:if test="position() != last()"><br/></xsl:if>
                  </xsl:for-each>
                  <xsl:if test="not($board)"><fill>naam en functie van de bestuurder</fill></xsl:if>
                </td>
              </tr>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise><p>Er zijn nog geen organisaties vastgelegd. <fill>de partijen die tekenen</fill></p></xsl:otherwise>
      </xsl:choose>
      <p>Hierna samen: de partners.</p>

      <h1>2. Doel</h1>
      <p>De partners bouwen samen aan een lokale aanpak voor kinderen met overgewicht of obesitas en hun gezinnen, in de lijn van het landelijk model van Kind naar Gezonder Gewicht. Zij verbinden zich aan een volwaardige aanpak, niet aan losse activiteiten.</p>
      <p><fill>de lokale ambities uit het projectplan, in een paar zinnen</fill></p>

      <h1>3. Rol, verantwoordelijkheid en bijdrage per partij</h1>
      <table>
        <tr><th>Partij</th><th>Rol</th><th>Verantwoordelijkheid</th><th>Bijdrage (mensen, uren, geld)</th><th>Nu in de projectorganisatie</th></tr>
        <xsl:for-each select="organisations/organisation">
          <xsl:variable name="roles" select="$people[@organisation = current()/@name]/roles/role[not(@until)]"/>
          <tr>
            <td><xsl:value-of select="@name"/></td>
            <td><fill>rol van <xsl:value-of select="@name"/></fill></td>
            <td><fill>waar deze partij voor instaat</fill></td>
            <td><fill>inzet en bedrag per jaar</fill></td>
            <td>
              <xsl:for-each select="$roles">
                <xsl:value-of select="../../@name"/> (<xsl:value-of select="@title"/><xsl:if test="@hours">, <xsl:value-of select="@hours"/> uur per week</xsl:if>)<xsl:if test="position() != last()">, </xsl:if>
              </xsl:for-each>
              <xsl:if test="not($roles)">-</xsl:if>
            </td>
          </tr>
        </xsl:for-each>
        <tr><td><fill>andere partij</fill></td><td><fill>rol</fill></td><td><fill>verantwoordelijkheid</fill></td><td><fill>bijdrage</fill></td><td>-</td></tr>
      </table>

      <h1>4. Looptijd</h1>
      <p>
        <b>Ingangsdatum:</b><xsl:text> </xsl:text><fill>datum</fill>
        <br/><b>Looptijd:</b><xsl:text> </xsl:text><fill>aantal jaren, of tot een evaluatiemoment</fill>
        <br/><b>Evaluatie:</b><xsl:text> </xsl:text><fill>wanneer en door wie de samenwerking wordt geëvalueerd</fill>
        <br/><b>Tussentijds stoppen:</b><xsl:text> </xsl:text><fill>opzegtermijn en wat er dan met lopende afspraken gebeurt</fill>
      </p>

      <h1>5. Verband met het projectplan</h1>
      <xsl:variable name="plan" select="($p1/step[@id = '1.4']/deliverables/deliverable[@document])[last()]"/>
      <p>
        <xsl:text>Deze overeenkomst hoort onlosmakelijk bij het projectplan </xsl:text>
        <xsl:call-template name="kngg-value-or-fill">
          <xsl:with-param name="value" select="$plan/@document"/>
          <xsl:with-param name="fill" select="'titel en versie van het projectplan'"/>
        </xsl:call-template>
        <xsl:text>. Wie tekent, stemt ook in met de uitvoering van dat plan.</xsl:text>
      </p>
      <xsl:variable name="go" select="signatures/signature[@signoff = '1.5/s1' and not(@withdrawn = 'true')][last()]"/>
      <xsl:choose>
        <xsl:when test="$go/@decision = 'go'">
          <p>Het besluit om door te gaan (stap 1.5) is genomen op <xsl:value-of select="$go/@date"/> door <xsl:value-of select="$go/@signer"/><xsl:if test="$go/@document"> (<xsl:value-of select="$go/@document"/>)</xsl:if>.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>Er is nog geen besluit om door te gaan vastgelegd (stap 1.5). <fill>wanneer het besluit wordt verwacht</fill></p>
        </xsl:otherwise>
      </xsl:choose>

      <h1>6. Overleg, wijzigingen en geschillen</h1>
      <p><fill>hoe de partners bestuurlijk overleggen (bijvoorbeeld in de stuurgroep), hoe de overeenkomst gewijzigd wordt en hoe meningsverschillen worden opgelost</fill></p>

      <h1>7. Ondertekening</h1>
      <table>
        <tr><th>Namens</th><th>Naam</th><th>Datum</th><th>Stand</th></tr>
        <xsl:for-each select="$signed">
          <tr>
            <td>
              <xsl:value-of select="@role"/><xsl:if test="@as"> (als <xsl:value-of select="@as"/>)</xsl:if>
              <xsl:if test="@organisation">, <xsl:value-of select="@organisation"/></xsl:if>
            </td>
            <td><xsl:value-of select="@signer"/></td>
            <td><xsl:value-of select="@date"/></td>
            <td>getekend<xsl:if test="@document"> in <xsl:value-of select="@document"/></xsl:if></td>
          </tr>
        </xsl:for-each>
        <!-- wie nog moet tekenen: de open plaatsen van 1.6/s1, zoals de gereedheid ze ziet -->
        <xsl:for-each select="phases/phase[@number = '1']/runs/run/steps/step/signoffs/signoff[@id = '1.6/s1']/slots/slot[@ok = 'false' and @optional = 'false']">
          <xsl:variable name="label">
            <xsl:choose>
              <xsl:when test="@role_title"><xsl:value-of select="@role_title"/></xsl:when>
              <xsl:otherwise>Iemand</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="@organisation"><xsl:text> van </xsl:text><xsl:value-of select="@organisation"/></xsl:if>
          </xsl:variable>
          <xsl:variable name="hint"><xsl:call-template name="kngg-signer-hint"><xsl:with-param name="label" select="string($label)"/></xsl:call-template></xsl:variable>
          <tr>
            <td><xsl:value-of select="$label"/></td>
            <td><fill>naam<xsl:if test="string($hint) != ''"> (in het register: <xsl:value-of select="$hint"/>)</xsl:if></fill></td>
            <td><fill>datum</fill></td>
            <td>
              <xsl:choose>
                <xsl:when test="@decision"><xsl:value-of select="@decision"/> door <xsl:value-of select="@signer"/> op <xsl:value-of select="@date"/></xsl:when>
                <xsl:otherwise>nog niet getekend</xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
        </xsl:for-each>
        <tr><td><fill>andere ondertekenaar, indien nodig</fill></td><td><fill>naam</fill></td><td><fill>datum</fill></td><td>-</td></tr>
      </table>
      <xsl:if test="phases/phase[@number = '1']/runs/run/steps/step/signoffs/signoff[@id = '1.6/s1']/@complete = 'true'"><p>Alle vereiste handtekeningen zijn gezet.</p></xsl:if>
      <xsl:variable name="remark"><xsl:call-template name="kngg-signoff-remark"><xsl:with-param name="signoff" select="'1.6/s1'"/></xsl:call-template></xsl:variable>
      <xsl:if test="string($remark) != ''"><p><i>Let op:</i><xsl:text> </xsl:text><xsl:value-of select="$remark"/>.</p></xsl:if>

      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>
</xsl:stylesheet>
