<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Borgingslijst (4.borging): per onderwerp wat op netwerk- en partnerniveau geregeld is -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>
  <xsl:param name="cycle"/>

  <xsl:variable name="all-runs" select="/kngg-export/phases/phase[@number = 4]/runs/run"/>
  <xsl:variable name="run" select="$all-runs[($cycle != '' and @cycle = $cycle) or ($cycle = '' and position() = last())]"/>
  <xsl:variable name="people" select="/kngg-export/stakeholders/stakeholder[not(@erased = 'true')]"/>
  <!-- partners: organisaties met minstens één persoon met commitment -->
  <xsl:variable name="partners" select="/kngg-export/organisations/organisation[@name = $people[@committed = 'true']/@organisation]"/>
  <xsl:variable name="borging" select="$run/steps/step[@id = '4.borging']"/>

  <xsl:template match="/kngg-export">
    <document title="Borgingslijst" subtitle="Verduurzamen en transformeren in {@name}{substring(concat(', cyclus ', $run/@cycle), 1, 1000 * number(boolean($run)))}">
      <xsl:call-template name="kngg-header">
        <xsl:with-param name="today" select="$today"/>
        <xsl:with-param name="extra">
          <xsl:if test="$run"><br/><b>Cyclus fase 4:</b><xsl:text> </xsl:text><xsl:value-of select="$run/@cycle"/><xsl:if test="$run/@started">, begonnen op <xsl:value-of select="$run/@started"/></xsl:if></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <p>Wat er nodig is om de aanpak blijvend te laten draaien: of de werkwijze gewoon werk is geworden, of het geld structureel is en wie het betaalt, en per onderwerp wat het netwerk als geheel regelt en wat elke partner in de eigen organisatie vastlegt. Uitgangspunt is dat de borging zo veel mogelijk bij de partners zelf ligt en alleen waar dat niet kan bij de netwerkorganisatie (regels 6120-6124). Elke partner bekrachtigt daarna de eigen punten.</p>

      <h1>Stand van zaken</h1>
      <xsl:choose>
        <xsl:when test="$run">
          <xsl:call-template name="kngg-steps-table"><xsl:with-param name="steps" select="$run/steps/step"/></xsl:call-template>
          <xsl:call-template name="kngg-step-state">
            <xsl:with-param name="step" select="$run/steps/step[@id = '4.borging']"/>
            <xsl:with-param name="id" select="'4.borging'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$cycle != '' and $all-runs">
          <p>Cyclus <xsl:value-of select="$cycle"/> van fase 4 bestaat niet. Bekende cycli: <xsl:for-each select="$all-runs"><xsl:value-of select="@cycle"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>.</p>
        </xsl:when>
        <xsl:otherwise><p>Fase 4 heeft nog geen cyclus. De lijst hieronder kan al dienen om de borging voor te bereiden.</p></xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="$partners">
          <p>Partners met commitment: <xsl:for-each select="$partners"><xsl:value-of select="@name"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>.</p>
        </xsl:when>
        <xsl:otherwise><p>Nog geen organisatie heeft iemand met commitment; de rijen per partner zijn daarom leeg.</p></xsl:otherwise>
      </xsl:choose>

      <h1>Werkwijze in het gewone werk</h1>
      <p>Is de werkwijze opgenomen in de gewone werkprocessen van elke uitvoeringsorganisatie, en wat is nog nodig om er vanzelfsprekend werk van te maken (activiteit 1: regels 6150-6156)?</p>
      <xsl:call-template name="activity-state"><xsl:with-param name="id" select="'4.borging/a1'"/></xsl:call-template>
      <table>
        <tr><th>Partner</th><th>Al in de gewone werkprocessen</th><th>Nog nodig</th><th>Wie</th></tr>
        <xsl:for-each select="$partners">
          <tr><td><xsl:value-of select="@name"/></td><td><fill>welke taken en processen</fill></td><td><fill>wat nog moet gebeuren</fill></td><td><fill>naam</fill></td></tr>
        </xsl:for-each>
        <xsl:if test="not($partners)">
          <tr><td><fill>partner</fill></td><td><fill>welke taken en processen</fill></td><td><fill>wat nog moet gebeuren</fill></td><td><fill>naam</fill></td></tr>
        </xsl:if>
      </table>

      <h1>Financiering: structureel of tijdelijk</h1>
      <p>Aanpak en netwerk horen uit reguliere budgetten betaald te worden. Wat nog uit tijdelijk geld komt, moet zo snel mogelijk structureel worden: een wankele financiering is een groot risico voor het voortbestaan (activiteit 2: regels 6158-6168). De onderdelen hieronder zijn wat blijvend ingebed en betaald moet zijn (regels 6090-6118).</p>
      <xsl:call-template name="activity-state"><xsl:with-param name="id" select="'4.borging/a2'"/></xsl:call-template>
      <h2>Vastgelegde financiering</h2>
      <xsl:call-template name="kngg-funding-table">
        <xsl:with-param name="empty" select="'Er is nog geen financiering vastgelegd.'"/>
      </xsl:call-template>
      <h2>Per onderdeel</h2>
      <table>
        <tr><th>Onderdeel</th><th>Betaald door</th><th>Structureel of tijdelijk (tot wanneer)</th><th>Risico als het wegvalt</th></tr>
        <xsl:call-template name="funding-row"><xsl:with-param name="what" select="'Uitvoeringstaken van de professionals'"/></xsl:call-template>
        <xsl:call-template name="funding-row"><xsl:with-param name="what" select="'Netwerkregisseur'"/></xsl:call-template>
        <xsl:call-template name="funding-row"><xsl:with-param name="what" select="'Netwerkorganisatie en haar taken'"/></xsl:call-template>
        <xsl:call-template name="funding-row"><xsl:with-param name="what" select="'Monitoring en evaluatie'"/></xsl:call-template>
        <xsl:call-template name="funding-row"><xsl:with-param name="what" select="'Scholingsprogramma'"/></xsl:call-template>
        <xsl:call-template name="funding-row"><xsl:with-param name="what" select="'Kwaliteitsbewaking'"/></xsl:call-template>
        <xsl:call-template name="funding-row"><xsl:with-param name="what" select="'Uitwisseling van informatie'"/></xsl:call-template>
        <xsl:call-template name="funding-row"><xsl:with-param name="what" select="'Periodiek doorlopen van fase 4'"/></xsl:call-template>
      </table>

      <h1>Netwerkregisseur: rol en financiering</h1>
      <p>Zonder vaste, betaalde netwerkregisseur valt de regie op het netwerk weg; de rol moet daarom structureel belegd en gefinancierd zijn (oplevering 2: regel 6100).</p>
      <xsl:call-template name="deliverable-state"><xsl:with-param name="id" select="'4.borging/d2'"/></xsl:call-template>
      <xsl:variable name="nr" select="$people[roles/role[@role = 'netwerkregisseur' and not(@until)]]"/>
      <table>
        <tr><th>Netwerkregisseur</th><th>Uren per week</th><th>Betaald door</th><th>Structureel of tijdelijk (tot wanneer)</th></tr>
        <xsl:for-each select="$nr">
          <xsl:variable name="r" select="roles/role[@role = 'netwerkregisseur' and not(@until)][1]"/>
          <tr>
            <td><xsl:call-template name="kngg-person-name"/><xsl:if test="$r/@deputy = 'true'"> (plaatsvervanger)</xsl:if><xsl:if test="@organisation">, <xsl:value-of select="@organisation"/></xsl:if></td>
            <td><xsl:call-template name="kngg-value-or-fill"><xsl:with-param name="value" select="$r/@hours"/><xsl:with-param name="fill" select="'uren'"/></xsl:call-template></td>
            <td><fill>organisatie en budget</fill></td>
            <td><fill>structureel, of tijdelijk tot</fill></td>
          </tr>
        </xsl:for-each>
        <xsl:if test="not($nr)">
          <tr><td><fill>naam en organisatie</fill></td><td><fill>uren</fill></td><td><fill>organisatie en budget</fill></td><td><fill>structureel, of tijdelijk tot</fill></td></tr>
        </xsl:if>
      </table>
      <xsl:if test="not($nr)"><p>Er is nog niemand met de rol netwerkregisseur.</p></xsl:if>
      <xsl:call-template name="kngg-funding-table">
        <xsl:with-param name="grants" select="/kngg-export/funding/grants/grant[@for = 'netwerkregisseur']"/>
        <xsl:with-param name="empty" select="'Voor de netwerkregisseur is nog geen financiering vastgelegd.'"/>
      </xsl:call-template>

      <h1>Financiers: beleid, bedrijfsvoering en inkoop</h1>
      <p>Hebben de financiers (gemeente, zorgverzekeraar en uitvoeringsorganisaties) hun deel opgenomen in missie en doelen, in bedrijfsvoering en begroting, en in hun inkoop? En wat is nog nodig om de aanpak blijvend in hun beleid en financiering te verankeren (activiteit 3: regels 6190-6204)?</p>
      <xsl:call-template name="activity-state"><xsl:with-param name="id" select="'4.borging/a3'"/></xsl:call-template>
      <table>
        <tr><th>Financier</th><th>In missie, doelen en bedrijfsvoering</th><th>In inkoop of contracten</th><th>Nog nodig</th></tr>
        <xsl:variable name="gemeenten" select="organisations/organisation[@type = 'gemeente']"/>
        <xsl:variable name="insurers" select="organisations/organisation[@type = 'zorgverzekeraar']"/>
        <xsl:for-each select="$gemeenten">
          <tr><td><xsl:value-of select="@name"/></td><td><fill>beleidsplan en begroting</fill></td><td><fill>inkoop van jeugdhulp, ondersteuning en zorg</fill></td><td><fill>wat nog moet gebeuren</fill></td></tr>
        </xsl:for-each>
        <xsl:if test="not($gemeenten)">
          <tr><td>Gemeente <xsl:value-of select="@name"/></td><td><fill>beleidsplan en begroting</fill></td><td><fill>inkoop van jeugdhulp, ondersteuning en zorg</fill></td><td><fill>wat nog moet gebeuren</fill></td></tr>
        </xsl:if>
        <xsl:for-each select="$insurers">
          <tr><td><xsl:value-of select="@name"/> (zorgverzekeraar)</td><td><fill>beleid en doelen</fill></td><td><fill>zorginkoop en contracten</fill></td><td><fill>wat nog moet gebeuren</fill></td></tr>
        </xsl:for-each>
        <xsl:if test="not($insurers)">
          <tr><td>Zorgverzekeraar: <fill>naam</fill></td><td><fill>beleid en doelen</fill></td><td><fill>zorginkoop en contracten</fill></td><td><fill>wat nog moet gebeuren</fill></td></tr>
        </xsl:if>
        <xsl:for-each select="$partners[not(@type = 'gemeente' or @type = 'zorgverzekeraar')]">
          <tr><td><xsl:value-of select="@name"/></td><td><fill>missie, doelen en begroting</fill></td><td><fill>contracten en subsidies</fill></td><td><fill>wat nog moet gebeuren</fill></td></tr>
        </xsl:for-each>
      </table>

      <h1>Financieringsrisico's wegnemen</h1>
      <p>Wat is nodig om de risico's in de financiering weg te nemen? Gaat dat verder dan de huidige wet- en regelgeving toelaat, zoek dan aansluiting bij wat landelijk of elders al in gang is gezet (activiteit 4: regels 6206-6212).</p>
      <xsl:call-template name="activity-state"><xsl:with-param name="id" select="'4.borging/a4'"/></xsl:call-template>
      <table>
        <tr><th>Risico</th><th>Maatregel</th><th>Aansluiten bij</th><th>Wie</th></tr>
        <tr><td><fill>bijvoorbeeld een subsidie die afloopt</fill></td><td><fill>wat we doen</fill></td><td><fill>landelijke of regionale initiatieven</fill></td><td><fill>naam</fill></td></tr>
        <tr><td><fill>risico</fill></td><td><fill>wat we doen</fill></td><td><fill>landelijke of regionale initiatieven</fill></td><td><fill>naam</fill></td></tr>
      </table>

      <h1>Afspraken uit fase 3, per onderwerp</h1>
      <p>Zijn de afspraken uit fase 3 vastgelegd in beleid en bedrijfsvoering van de organisaties, en wat moet daarvoor nog gebeuren? Per onderwerp staat apart wat op netwerkniveau ligt en wat een partner zelf regelt (activiteiten 5 en 6: regels 6214-6238).</p>
      <xsl:call-template name="activity-state"><xsl:with-param name="id" select="'4.borging/a5'"/></xsl:call-template>
      <xsl:call-template name="subject">
        <xsl:with-param name="title" select="'Netwerkorganisatie'"/>
        <xsl:with-param name="hint" select="'netwerkregisseur, overlegstructuur, mandaten'"/>
      </xsl:call-template>
      <xsl:call-template name="subject">
        <xsl:with-param name="title" select="'Kwaliteit van ondersteuning en zorg'"/>
        <xsl:with-param name="hint" select="'kwaliteitsafspraken, werkafspraken en hoe ze bewaakt worden'"/>
      </xsl:call-template>
      <xsl:call-template name="subject">
        <xsl:with-param name="title" select="'Monitoring'"/>
        <xsl:with-param name="hint" select="'indicatoren, registratie en rapportage'"/>
      </xsl:call-template>
      <xsl:call-template name="subject">
        <xsl:with-param name="title" select="'Uitwisseling van informatie'"/>
        <xsl:with-param name="hint" select="'afspraken en middelen om gegevens veilig en volgens de AVG te delen'"/>
      </xsl:call-template>
      <xsl:call-template name="subject">
        <xsl:with-param name="title" select="'Scholing'"/>
        <xsl:with-param name="hint" select="'scholing voor nieuwe en zittende professionals'"/>
      </xsl:call-template>

      <h1>Bekrachtiging door de partners</h1>
      <p>Elke partner bekrachtigt formeel de borgingspunten, verantwoordelijkheden en taken die bij hem liggen (activiteit 7: regels 6240-6244).</p>
      <!-- bekrachtigingen binnen deze cyclus: vanaf de start tot de volgende cyclus -->
      <xsl:variable name="from" select="number(translate($run/@started, '-', ''))"/>
      <xsl:variable name="next" select="$run/following-sibling::run[1]/@started"/>
      <xsl:variable name="ratified" select="signatures/signature[@signoff = '4.borging/s1' and not(@withdrawn = 'true') and (not($run/@started) or number(translate(@date, '-', '')) &gt;= $from) and (not($next) or number(translate(@date, '-', '')) &lt; number(translate($next, '-', '')))]"/>
      <table>
        <tr><th>Partner</th><th>Bekrachtigd door</th><th>Datum</th><th>Stuk</th><th>Looptijd</th></tr>
        <xsl:for-each select="$partners">
          <xsl:variable name="mine" select="$ratified[@organisation = current()/@name]"/>
          <xsl:choose>
            <xsl:when test="$mine">
              <xsl:for-each select="$mine">
                <tr><td><xsl:value-of select="@organisation"/></td><td><xsl:value-of select="@signer"/> (<xsl:value-of select="@role"/>)</td><td><xsl:value-of select="@date"/></td><td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@document"/></xsl:call-template></td><td><xsl:call-template name="kngg-validity"/><xsl:if test="not(@valid_until) and not(@region)">-</xsl:if></td></tr>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <tr><td><xsl:value-of select="@name"/></td><td><fill>naam en functie van de bestuurder</fill></td><td><fill>datum</fill></td><td>nog niet bekrachtigd</td><td>-</td></tr>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:for-each select="$ratified[not(@organisation = $partners/@name)]">
          <tr><td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@organisation"/></xsl:call-template></td><td><xsl:value-of select="@signer"/> (<xsl:value-of select="@role"/>)</td><td><xsl:value-of select="@date"/></td><td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@document"/></xsl:call-template></td><td><xsl:call-template name="kngg-validity"/><xsl:if test="not(@valid_until) and not(@region)">-</xsl:if></td></tr>
        </xsl:for-each>
        <xsl:if test="not($partners) and not($ratified)">
          <tr><td><fill>partner</fill></td><td><fill>naam en functie van de bestuurder</fill></td><td><fill>datum</fill></td><td>nog niet bekrachtigd</td><td>-</td></tr>
        </xsl:if>
      </table>
      <xsl:for-each select="readiness/sections/section/rules/rule[@kind = 'getekend' and @id = '4.borging/s1' and @met = 'false']">
        <p><i>Nog nodig:</i><xsl:text> </xsl:text><xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="@text"/></xsl:call-template></p>
      </xsl:for-each>

      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>

  <!-- Eén borgingsonderwerp: een tabel op netwerkniveau en een op partnerniveau. -->
  <xsl:template name="subject">
    <xsl:param name="title"/>
    <xsl:param name="hint"/>
    <h2><xsl:value-of select="$title"/></h2>
    <h3>Netwerkniveau</h3>
    <table>
      <tr><th>Wat geregeld is of moet worden</th><th>Wie is verantwoordelijk</th><th>Financiering</th><th>Vastgelegd in</th></tr>
      <tr><td><fill><xsl:value-of select="$hint"/></fill></td><td><fill>naam of overleg</fill></td><td><fill>structureel of tijdelijk, en door wie</fill></td><td><fill>document</fill></td></tr>
    </table>
    <h3>Partnerniveau</h3>
    <table>
      <tr><th>Partner</th><th>Wat geregeld is of moet worden</th><th>Wie is verantwoordelijk</th><th>Financiering</th></tr>
      <xsl:for-each select="$partners">
        <tr><td><xsl:value-of select="@name"/></td><td><fill>wat deze partner zelf vastlegt</fill></td><td><fill>naam</fill></td><td><fill>begroting of budget</fill></td></tr>
      </xsl:for-each>
      <xsl:if test="not($partners)">
        <tr><td><fill>partner</fill></td><td><fill>wat deze partner zelf vastlegt</fill></td><td><fill>naam</fill></td><td><fill>begroting of budget</fill></td></tr>
      </xsl:if>
    </table>
  </xsl:template>

  <!-- Of een activiteit van 4.borging in deze cyclus gedaan is (niets zonder cyclus). -->
  <xsl:template name="activity-state">
    <xsl:param name="id"/>
    <xsl:variable name="act" select="$borging/activities/activity[@id = $id]"/>
    <xsl:if test="$act">
      <p><i>Activiteit <xsl:value-of select="$id"/>:</i><xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$act/@done">gedaan op <xsl:value-of select="$act/@done"/>.</xsl:when>
          <xsl:otherwise>nog niet gedaan.</xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Of een oplevering van 4.borging in deze cyclus klaar is, met het stuk. -->
  <xsl:template name="deliverable-state">
    <xsl:param name="id"/>
    <xsl:variable name="del" select="$borging/deliverables/deliverable[@id = $id]"/>
    <xsl:if test="$del">
      <p><i>Oplevering <xsl:value-of select="$id"/>:</i><xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$del/@done">klaar op <xsl:value-of select="$del/@done"/><xsl:if test="$del/@document"> (<xsl:value-of select="$del/@document"/>)</xsl:if>.</xsl:when>
          <xsl:otherwise>nog niet klaar.</xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="funding-row">
    <xsl:param name="what"/>
    <tr><td><xsl:value-of select="$what"/></td><td><fill>financier en budget</fill></td><td><fill>structureel, of tijdelijk tot</fill></td><td><fill>gevolg</fill></td></tr>
  </xsl:template>
</xsl:stylesheet>
