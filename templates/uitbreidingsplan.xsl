<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Uitbreidings- en implementatieplan (stap 2.4 en 2.5): gebieden, teams, nieuwe partners, akkoord -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>
  <xsl:param name="area"/>

  <xsl:variable name="runs" select="/kngg-export/phases/phase[@number = 2]/runs/run"/>
  <xsl:variable name="people" select="/kngg-export/stakeholders/stakeholder[not(@erased = 'true')]"/>
  <xsl:variable name="sigs" select="/kngg-export/signatures/signature[($area = '' or @area = $area or not(@area))]"/>

  <xsl:template match="/kngg-export">
    <document title="Uitbreidings- en implementatieplan" subtitle="Kind naar Gezonder Gewicht in {@name}">
      <xsl:call-template name="kngg-header">
        <xsl:with-param name="today" select="$today"/>
        <xsl:with-param name="extra">
          <xsl:if test="$area != ''"><br/><b>Vooral over gebied:</b><xsl:text> </xsl:text><xsl:value-of select="$area"/></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <p>Wat er na een geslaagd experiment bij komt: andere doelgroepen, nieuwe wijken of de hele gemeente. Voor een andere doelgroep worden stap 2.1 tot en met 2.3 opnieuw doorlopen; een nieuw gebied krijgt een eigen implementatieplan en implementatieteam.</p>

      <h1>Waar de aanpak nu staat</h1>
      <xsl:choose>
        <xsl:when test="$runs">
          <table>
            <tr><th>Gebied</th><th>Soort</th><th>Doelgroep</th><th>Stand van de stappen 2.1 tot en met 2.5</th></tr>
            <xsl:for-each select="$runs">
              <tr>
                <td><xsl:value-of select="@label"/><xsl:if test="@label = $area"> (dit plan)</xsl:if></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@area_kind = 'experiment'">experiment</xsl:when>
                    <xsl:when test="@area_kind = 'wijk'">nieuwe wijk</xsl:when>
                    <xsl:when test="@area_kind = 'doelgroep'">nieuwe doelgroep</xsl:when>
                    <xsl:otherwise>-</xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@target_group"/></xsl:call-template></td>
                <td>
                  <xsl:for-each select="steps/step[@started or @done]">
                    <xsl:value-of select="@id"/><xsl:text> </xsl:text><xsl:value-of select="@title"/><xsl:text>: </xsl:text>
                    <xsl:choose>
                      <xsl:when test="@done">afgerond <xsl:value-of select="@done"/></xsl:when>
                      <xsl:otherwise>loopt sinds <xsl:value-of select="@started"/></xsl:otherwise>
                    </xsl:choose>
                    <xsl:if test="position() != last()"><br/></xsl:if>
                  </xsl:for-each>
                  <xsl:if test="not(steps/step[@started or @done])">nog geen stap begonnen</xsl:if>
                </td>
              </tr>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise><p>Fase 2 is nog in geen enkel gebied begonnen.</p></xsl:otherwise>
      </xsl:choose>

      <h1>Ambitie: nieuwe gebieden en doelgroepen</h1>
      <p><fill>waar de stuurgroep en projectgroep naartoe willen: welke wijken, welke doelgroepen, de hele gemeente of de regio, en in welk tempo</fill></p>
      <table>
        <tr><th>Gebied of doelgroep</th><th>Soort uitbreiding</th><th>Start</th><th>Waarom daar</th></tr>
        <xsl:for-each select="$runs[not(steps/step[@done])]">
          <tr>
            <td><xsl:value-of select="@label"/><xsl:if test="@target_group"> (<xsl:value-of select="@target_group"/>)</xsl:if></td>
            <td>
              <xsl:choose>
                <xsl:when test="@area_kind = 'wijk'">nieuw gebied</xsl:when>
                <xsl:when test="@area_kind = 'doelgroep'">nieuwe doelgroep</xsl:when>
                <xsl:when test="@area_kind = 'experiment'">experiment</xsl:when>
                <xsl:otherwise><fill>nieuw gebied of nieuwe doelgroep</fill></xsl:otherwise>
              </xsl:choose>
            </td>
            <td><xsl:call-template name="kngg-value-or-fill"><xsl:with-param name="value" select="@started"/><xsl:with-param name="fill" select="'startdatum'"/></xsl:call-template></td>
            <td><fill>reden</fill></td>
          </tr>
        </xsl:for-each>
        <tr><td><fill>volgend gebied of doelgroep</fill></td><td><fill>nieuw gebied of nieuwe doelgroep</fill></td><td><fill>startdatum</fill></td><td><fill>reden</fill></td></tr>
      </table>

      <h1>Scenario's</h1>
      <p>Werk een paar scenario's uit voor het uitbreiden en opschalen, bespreek met managers en bestuurders wat haalbaar is en kies er één; het plan beslaat meerdere jaren (stap 2.4, activiteit 2: regels 3807-3821). Maak de eerste stap niet te groot en houd rekening met wat de uitvoeringsorganisaties aan mensen en middelen kunnen opbrengen (tips: regels 3900-3914).</p>
      <xsl:call-template name="scenario"><xsl:with-param name="name" select="'Scenario A'"/></xsl:call-template>
      <xsl:call-template name="scenario"><xsl:with-param name="name" select="'Scenario B'"/></xsl:call-template>
      <p><b>Gekozen scenario:</b><xsl:text> </xsl:text><fill>welk scenario, en waarom</fill></p>

      <h1>Doelen</h1>
      <p>Het plan beschrijft per jaar de doelen, de activiteiten en wat ze kosten (stap 2.4, activiteit 3: regels 3829-3833). Maak de doelen SMART, zodat de QuickScan en de monitoring later laten zien in hoeverre ze gehaald zijn (stap 2.5, activiteit 9: regels 4021-4029).</p>
      <xsl:variable name="year">
        <xsl:variable name="d"><xsl:call-template name="kngg-peildatum"><xsl:with-param name="today" select="$today"/></xsl:call-template></xsl:variable>
        <xsl:value-of select="number(substring($d, 1, 4))"/>
      </xsl:variable>
      <table>
        <tr><th>Jaar</th><th>Doel</th><th>Activiteiten en kosten</th><th>Waaraan meetbaar</th></tr>
        <xsl:call-template name="goal-row"><xsl:with-param name="year" select="$year"/></xsl:call-template>
        <xsl:call-template name="goal-row"><xsl:with-param name="year" select="$year + 1"/></xsl:call-template>
        <xsl:call-template name="goal-row"><xsl:with-param name="year" select="$year + 2"/></xsl:call-template>
      </table>

      <h1>Implementatieteams</h1>
      <xsl:variable name="team" select="$people[roles/role[@role = 'implementatieteam' and not(@until)]]"/>
      <xsl:choose>
        <xsl:when test="$team">
          <p>In een implementatieteam (voor welk gebied staat nog niet vast):</p>
          <ul>
            <xsl:for-each select="$team"><li><xsl:call-template name="kngg-person-name"/>, <xsl:value-of select="@function"/> (<xsl:value-of select="@organisation"/>)</li></xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p>Nog niemand heeft de rol implementatieteam.</p></xsl:otherwise>
      </xsl:choose>
      <table>
        <tr><th>Gebied</th><th>Leden van het implementatieteam</th><th>Trekker</th><th>Wat anders gaat dan in het experiment</th></tr>
        <xsl:for-each select="$runs[$area = '' or @label = $area]">
          <tr>
            <td><xsl:value-of select="@label"/></td>
            <td><fill>wie in het team zitten</fill></td>
            <td><fill>naam</fill></td>
            <td><fill>afwijkingen door andere professionals of voorzieningen in dit gebied</fill></td>
          </tr>
        </xsl:for-each>
        <tr><td><fill>nieuw gebied</fill></td><td><fill>wie in het team zitten</fill></td><td><fill>naam</fill></td><td><fill>afwijkingen</fill></td></tr>
      </table>

      <h1>Nieuwe partners</h1>
      <p>Stakeholders die nog geen commitment hebben gegeven: kandidaten om te betrekken, en zo nodig om de samenwerkingsovereenkomst te laten tekenen.</p>
      <xsl:variable name="new-orgs" select="organisations/organisation[not(@name = $people[@committed = 'true']/@organisation)]"/>
      <h2>Uit organisaties die nog geen partner zijn</h2>
      <xsl:call-template name="kngg-stakeholder-table">
        <xsl:with-param name="people" select="$people[not(@committed = 'true') and @organisation = $new-orgs/@name]"/>
        <xsl:with-param name="area" select="$area"/>
        <xsl:with-param name="empty" select="'Er staan geen mensen uit nieuwe organisaties in het register.'"/>
      </xsl:call-template>
      <h2>Bij bestaande partners, nog zonder eigen commitment</h2>
      <xsl:call-template name="kngg-stakeholder-table">
        <xsl:with-param name="people" select="$people[not(@committed = 'true') and not(@organisation = $new-orgs/@name)]"/>
        <xsl:with-param name="area" select="$area"/>
        <xsl:with-param name="empty" select="'Bij de bestaande partners heeft iedereen in het register commitment gegeven.'"/>
      </xsl:call-template>
      <xsl:if test="$new-orgs">
        <p>Organisaties zonder iemand met commitment:<xsl:text> </xsl:text>
          <xsl:for-each select="$new-orgs"><xsl:value-of select="@name"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:if>
      <p><fill>welke nieuwe partners nodig zijn voor de uitbreiding en wie hen benadert</fill></p>
      <h2>Nieuwe partners die de overeenkomst tekenden (2.5)</h2>
      <xsl:call-template name="kngg-signatures-table">
        <xsl:with-param name="sigs" select="$sigs[@signoff = '2.5/s1']"/>
        <xsl:with-param name="empty" select="'Nog geen nieuwe partner heeft getekend.'"/>
        <xsl:with-param name="fill" select="'welke nieuwe partners moeten tekenen en wanneer'"/>
      </xsl:call-template>

      <h1>Wat nodig is</h1>
      <table>
        <tr><th>Onderwerp</th><th>Wat nodig is</th><th>Wie regelt het</th><th>Kosten</th></tr>
        <xsl:call-template name="need"><xsl:with-param name="what" select="'Mensen en uren'"/></xsl:call-template>
        <xsl:call-template name="need"><xsl:with-param name="what" select="'Financiering'"/></xsl:call-template>
        <xsl:call-template name="need"><xsl:with-param name="what" select="'Uitwisseling van gegevens'"/></xsl:call-template>
        <xsl:call-template name="need"><xsl:with-param name="what" select="'Monitoring'"/></xsl:call-template>
        <xsl:call-template name="need"><xsl:with-param name="what" select="'Scholing en hulpmiddelen'"/></xsl:call-template>
        <xsl:call-template name="need"><xsl:with-param name="what" select="'Aanpassing van de projectorganisatie'"/></xsl:call-template>
      </table>

      <h1>Akkoord van de stuurgroep (2.4)</h1>
      <xsl:call-template name="kngg-signatures-table">
        <xsl:with-param name="sigs" select="$sigs[@signoff = '2.4/s1']"/>
        <xsl:with-param name="empty" select="'De stuurgroep heeft het plan nog niet getekend.'"/>
        <xsl:with-param name="fill" select="'wanneer het plan in de stuurgroep ligt'"/>
      </xsl:call-template>
      <p><b>Presentatie van de resultaten:</b><xsl:text> </xsl:text><fill>wanneer en hoe wethouder en bestuurders resultaten en plannen publiek presenteren</fill></p>

      <h1>QuickScan bij de uitbreiding</h1>
      <xsl:variable name="scanned" select="$runs[$area = '' or @label = $area][quickscan/theme[@score]]"/>
      <xsl:choose>
        <xsl:when test="$scanned">
          <xsl:for-each select="$scanned">
            <h2>Gebied <xsl:value-of select="@label"/></h2>
            <xsl:call-template name="kngg-quickscan-table"><xsl:with-param name="run" select="."/></xsl:call-template>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <p>Er is in fase 2 nog geen QuickScan vastgelegd. Die is zinvol zodra er een tijd met de aanpak gewerkt is. <fill>wanneer de QuickScan wordt gedaan</fill></p>
        </xsl:otherwise>
      </xsl:choose>

      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>

  <xsl:template name="need">
    <xsl:param name="what"/>
    <tr><td><xsl:value-of select="$what"/></td><td><fill>wat er nodig is</fill></td><td><fill>naam of organisatie</fill></td><td><fill>bedrag</fill></td></tr>
  </xsl:template>

  <!-- Eén scenario als tabel van onderdelen. -->
  <xsl:template name="scenario">
    <xsl:param name="name"/>
    <h2><xsl:value-of select="$name"/></h2>
    <table>
      <tr><th>Onderdeel</th><th>Invulling</th></tr>
      <tr><td>Wat en waar</td><td><fill>welke wijken, doelgroepen, de hele gemeente of de regio</fill></td></tr>
      <tr><td>Tempo</td><td><fill>in welke volgorde en in hoeveel jaar</fill></td></tr>
      <tr><td>Mensen en geld</td><td><fill>extra inzet en kosten per jaar, en wie ze draagt</fill></td></tr>
      <tr><td>Randvoorwaarden die nog niet op orde zijn</td><td><fill>bijvoorbeeld digitale uitwisseling van cliëntgegevens, structurele monitoring, scholing</fill></td></tr>
      <tr><td>Risico's</td><td><fill>wat het scenario kwetsbaar maakt</fill></td></tr>
      <tr><td>Oordeel van managers en bestuurders</td><td><fill>haalbaar of niet, en onder welke voorwaarden</fill></td></tr>
    </table>
  </xsl:template>

  <xsl:template name="goal-row">
    <xsl:param name="year"/>
    <tr>
      <td>
        <xsl:choose>
          <xsl:when test="string(number($year)) != 'NaN'"><xsl:value-of select="$year"/></xsl:when>
          <xsl:otherwise><fill>jaar</fill></xsl:otherwise>
        </xsl:choose>
      </td>
      <td><fill>doel</fill></td><td><fill>activiteiten en bedrag</fill></td><td><fill>indicator en streefwaarde</fill></td>
    </tr>
  </xsl:template>
</xsl:stylesheet>
