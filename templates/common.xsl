<?xml version="1.0" encoding="UTF-8"?>
<!--
  Gedeelde bouwstenen voor de documentsjablonen. Geen document op zichzelf:
  de sjablonen nemen dit bestand op met <xsl:include href="common.xsl"/>.

  Alles hier schrijft alleen de documenttaal uit templates/README.md. De
  parameters van kngg (today, area, cycle, since) worden hier niet
  gedeclareerd; wie ze nodig heeft, geeft ze mee met xsl:with-param.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:variable name="kngg-root" select="/kngg-export"/>
  <xsl:variable name="kngg-name" select="/kngg-export/@name"/>
  <!-- Volgorde van rollen in tabellen: bestuur, leiding, organen, overige. -->
  <xsl:variable name="kngg-role-order" select="'|wethouder|gemeenteraad|opdrachtgever|bestuurder|directeur-pg|initiatiefnemer|projectleider|netwerkregisseur|stuurgroep|kerngroep|projectgroep|werkgroep|werkgroep-monitoring|implementatieteam|kartrekker|procesbegeleider|onderzoeksexpert|kwaliteitscommissie|'"/>

  <!-- ================================================================ -->
  <!-- Kleine hulpjes                                                     -->
  <!-- ================================================================ -->

  <!-- De peildatum: de parameter today, anders de datum van de export. -->
  <xsl:template name="kngg-peildatum">
    <xsl:param name="today"/>
    <xsl:choose>
      <xsl:when test="string($today) != ''"><xsl:value-of select="$today"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$kngg-root/@as_of"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Een waarde, of een invulplek als de waarde leeg is. -->
  <xsl:template name="kngg-value-or-fill">
    <xsl:param name="value"/>
    <xsl:param name="fill"/>
    <xsl:choose>
      <xsl:when test="normalize-space($value) != ''"><xsl:value-of select="$value"/></xsl:when>
      <xsl:otherwise><fill><xsl:value-of select="$fill"/></fill></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Een datum, of een streepje. -->
  <xsl:template name="kngg-date">
    <xsl:param name="date"/>
    <xsl:choose>
      <xsl:when test="string($date) != ''"><xsl:value-of select="$date"/></xsl:when>
      <xsl:otherwise>-</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Looptijd van een getekende overeenkomst (issue 18): "geldig tot 1 juli
       2027", en "regionaal getekend (regio X)" voor een regionale handtekening.
       De huidige node is een signature of een slot. -->
  <xsl:template name="kngg-validity">
    <!-- the ISO date becomes "1 juli 2027" where every document date does (doc_dates_nl) -->
    <xsl:if test="@valid_until">geldig tot <xsl:value-of select="@valid_until"/></xsl:if>
    <xsl:if test="@valid_until and @region">; </xsl:if>
    <xsl:if test="@region">regionaal getekend (regio <xsl:value-of select="@region"/>)</xsl:if>
  </xsl:template>

  <!-- Leesbare naam van een commitmentwaarde uit lijsten.xml. -->
  <xsl:template name="kngg-commitment-label">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="$value = 'geinformeerd'">geïnformeerd</xsl:when>
      <xsl:when test="$value = 'formeel-vastgelegd'">formeel vastgelegd</xsl:when>
      <xsl:when test="string($value) = ''">onbekend</xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Leesbare naam van een besluit. -->
  <xsl:template name="kngg-decision-label">
    <xsl:param name="sig" select="."/>
    <xsl:choose>
      <xsl:when test="$sig/@decision = 'go'">doorgaan (go)</xsl:when>
      <xsl:when test="$sig/@decision = 'no-go'">niet doorgaan (no-go)</xsl:when>
      <xsl:otherwise><xsl:value-of select="$sig/@decision"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$sig/@withdrawn = 'true'"> (ingetrokken)</xsl:if>
  </xsl:template>

  <!-- Naam van een stakeholder; gewiste personen blijven anoniem. -->
  <xsl:template name="kngg-person-name">
    <xsl:param name="person" select="."/>
    <xsl:choose>
      <xsl:when test="$person/@erased = 'true' or string($person/@name) = ''">(gewist)</xsl:when>
      <xsl:otherwise><xsl:value-of select="$person/@name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Naam van een run: gebied met doelgroep (fase 2), cyclus (fase 3-4). -->
  <xsl:template name="kngg-run-name">
    <xsl:param name="run" select="."/>
    <xsl:choose>
      <xsl:when test="$run/@cycle">cyclus <xsl:value-of select="$run/@cycle"/></xsl:when>
      <xsl:when test="$run/@label"><xsl:value-of select="$run/@label"/></xsl:when>
      <xsl:otherwise>fase <xsl:value-of select="$run/../../@number"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$run/@target_group">
      <xsl:text> (doelgroep: </xsl:text><xsl:value-of select="$run/@target_group"/><xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- De huidige rollen van een persoon, met komma's, of een streepje. -->
  <xsl:template name="kngg-current-roles">
    <xsl:param name="person" select="."/>
    <xsl:variable name="roles" select="$person/roles/role[not(@until)]"/>
    <xsl:for-each select="$roles">
      <xsl:value-of select="@title"/>
      <xsl:if test="@deputy = 'true'"> (plaatsvervanger)</xsl:if>
      <xsl:if test="position() != last()">, </xsl:if>
    </xsl:for-each>
    <xsl:if test="not($roles)">-</xsl:if>
  </xsl:template>

  <!-- Een signaal zonder de kngg-opdracht die het oplost (voor de CLI
       bedoeld, niet voor een stuk op papier). -->
  <xsl:template name="kngg-without-command">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, &quot; met 'kngg &quot;)"><xsl:value-of select="substring-before($text, &quot; met 'kngg &quot;)"/></xsl:when>
      <xsl:when test="contains($text, &quot; ('kngg &quot;)"><xsl:value-of select="substring-before($text, &quot; ('kngg &quot;)"/></xsl:when>
      <xsl:when test="contains($text, ' (kngg ')"><xsl:value-of select="substring-before($text, ' (kngg ')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- De tekst van een continuïteitsrisico voor op papier: zonder de
       kngg-opdracht en zonder het registernummer achter de naam van de persoon
       ("Jeroen van 't Hof (3) gaf ..." wordt "Jeroen van 't Hof gaf ..."). -->
  <xsl:template name="kngg-risk-text">
    <xsl:param name="risk" select="."/>
    <xsl:variable name="id" select="concat(' (', $risk/@person, ')')"/>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="$risk/@person and contains($risk/@text, $id)"><xsl:value-of select="concat(substring-before($risk/@text, $id), substring-after($risk/@text, $id))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$risk/@text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="string($text)"/></xsl:call-template>
  </xsl:template>

  <!-- Wat de gereedheidsregel van een ondertekening nog meer zegt dan wie
       er ontbreekt (na een puntkomma, of zonder "ontbreekt"), zonder de
       kngg-opdracht. Leeg als er niets extra is. -->
  <xsl:template name="kngg-signoff-remark">
    <xsl:param name="signoff"/>
    <xsl:variable name="rule" select="($kngg-root/readiness/sections/section/rules/rule[@kind = 'getekend' and @id = $signoff and @met = 'false'])[1]"/>
    <xsl:variable name="rest">
      <xsl:choose>
        <xsl:when test="contains($rule/@text, 'ontbreekt') and contains(substring-after($rule/@text, 'ontbreekt'), ';')"><xsl:value-of select="substring-after(substring-after($rule/@text, 'ontbreekt'), ';')"/></xsl:when>
        <xsl:when test="$rule and not(contains($rule/@text, 'ontbreekt'))"><xsl:value-of select="substring-after($rule/@text, ':')"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="normalize-space($rest)"/></xsl:call-template>
  </xsl:template>

  <!-- Wie in het register zou kunnen tekenen voor "Rol van Organisatie" of
       "Rol": de huidige houders van die rol (bij die organisatie), en voor
       een bestuurder ook de bestuurlijke stakeholders van die organisatie. -->
  <xsl:template name="kngg-signer-hint">
    <xsl:param name="label"/>
    <xsl:variable name="role">
      <xsl:choose>
        <xsl:when test="contains($label, ' van ')"><xsl:value-of select="substring-before($label, ' van ')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="org" select="substring-after($label, ' van ')"/>
    <xsl:variable name="people" select="$kngg-root/stakeholders/stakeholder[not(@erased = 'true')][$org = '' or @organisation = $org]"/>
    <xsl:variable name="hits" select="$people[roles/role[not(@until) and @title = $role]] | $people[$role = 'Bestuurder' and @level = 'bestuurlijk' and (not(roles/role) or roles/role[not(@until)])]"/>
    <xsl:for-each select="$hits">
      <xsl:value-of select="@name"/>
      <xsl:if test="position() != last()"> of </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Kop en slot                                                        -->
  <!-- ================================================================ -->

  <!-- Alinea bovenaan elk stuk: gemeente, CBS-code, datum en fase.
       extra: een resultaatboom met meer regels (elk voorafgegaan door <br/>). -->
  <xsl:template name="kngg-header">
    <xsl:param name="today"/>
    <xsl:param name="extra"/>
    <xsl:variable name="phase" select="$kngg-root/@current_phase"/>
    <p>
      <b>Gemeente:</b><xsl:text> </xsl:text><xsl:value-of select="$kngg-name"/>
      <xsl:text> (CBS-code </xsl:text><xsl:value-of select="$kngg-root/@municipality"/><xsl:text>)</xsl:text>
      <br/><b>Datum:</b><xsl:text> </xsl:text>
      <xsl:call-template name="kngg-peildatum"><xsl:with-param name="today" select="$today"/></xsl:call-template>
      <br/><b>Fase:</b><xsl:text> </xsl:text><xsl:value-of select="$phase"/>
      <xsl:if test="$kngg-root/phases/phase[@number = $phase]/@title">
        <xsl:text>, </xsl:text><xsl:value-of select="$kngg-root/phases/phase[@number = $phase]/@title"/>
      </xsl:if>
      <xsl:if test="$kngg-root/readiness/@declared_phase and string($kngg-root/readiness/@declared_phase) != string($phase)">
        <xsl:text> (zelf opgegeven: fase </xsl:text><xsl:value-of select="$kngg-root/readiness/@declared_phase"/><xsl:text>)</xsl:text>
      </xsl:if>
      <xsl:copy-of select="$extra"/>
    </p>
  </xsl:template>

  <!-- Kader met de bronvermelding van de handreiking.
       with-tool: false() voor een stuk dat de gemeente als het hare uitbrengt
       (zoals de besluitnotitie): dan zonder de naam van het hulpmiddel en de
       versie van de definities, alleen de stand en de bron. -->
  <xsl:template name="kngg-source-note">
    <xsl:param name="with-tool" select="true()"/>
    <note>
      <xsl:choose>
        <xsl:when test="$with-tool">
          <xsl:text>Opgesteld met kngg uit de gegevens van </xsl:text>
          <xsl:value-of select="$kngg-name"/>
          <xsl:text> (</xsl:text><xsl:value-of select="$kngg-root/@municipality"/><xsl:text>, stand </xsl:text><xsl:value-of select="$kngg-root/@as_of"/>
          <xsl:text>, definities </xsl:text><xsl:value-of select="$kngg-root/@definitions"/>
          <xsl:text>). De stappen volgen de handreiking: </xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>Stand van zaken in </xsl:text><xsl:value-of select="$kngg-name"/>
          <xsl:text> op </xsl:text><xsl:value-of select="$kngg-root/@as_of"/>
          <xsl:text>. De stappen volgen de handreiking: </xsl:text>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$kngg-root/@source"/>
    </note>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Stappen                                                            -->
  <!-- ================================================================ -->

  <!-- Tabel met stappen: id, titel, stand, gestart, afgerond, door. -->
  <xsl:template name="kngg-steps-table">
    <xsl:param name="steps"/>
    <xsl:param name="empty" select="'Geen stappen om te tonen.'"/>
    <xsl:choose>
      <xsl:when test="$steps">
        <table>
          <tr><th>Stap</th><th>Titel</th><th>Stand</th><th>Gestart</th><th>Afgerond</th><th>Door</th></tr>
          <xsl:for-each select="$steps">
            <tr>
              <td><xsl:value-of select="@id"/></td>
              <td><xsl:value-of select="@title"/></td>
              <td>
                <xsl:value-of select="@state"/>
                <xsl:if test="@reopened"> (heropend op <xsl:value-of select="@reopened"/>)</xsl:if>
              </td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@started"/></xsl:call-template></td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@done"/></xsl:call-template></td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@by"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="$empty"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- De stappen van een fase: per run (gebied of cyclus) een tabel.
       heading: h2 of h3 boven elke run als de fase runs met een naam heeft. -->
  <xsl:template name="kngg-phase-steps">
    <xsl:param name="number"/>
    <xsl:param name="heading" select="'h3'"/>
    <xsl:variable name="runs" select="$kngg-root/phases/phase[@number = $number]/runs/run"/>
    <xsl:choose>
      <xsl:when test="not($runs)">
        <p>
          <xsl:text>Fase </xsl:text><xsl:value-of select="$number"/>
          <xsl:choose>
            <xsl:when test="$number = 2"> is nog in geen enkel gebied begonnen.</xsl:when>
            <xsl:otherwise> heeft nog geen cyclus.</xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$runs">
          <xsl:if test="@label or @cycle">
            <xsl:element name="{$heading}">
              <xsl:choose>
                <xsl:when test="@cycle">Cyclus <xsl:value-of select="@cycle"/></xsl:when>
                <xsl:otherwise>Gebied <xsl:value-of select="@label"/></xsl:otherwise>
              </xsl:choose>
              <xsl:if test="@target_group"> (doelgroep: <xsl:value-of select="@target_group"/>)</xsl:if>
              <xsl:if test="@started">, begonnen op <xsl:value-of select="@started"/></xsl:if>
            </xsl:element>
          </xsl:if>
          <xsl:call-template name="kngg-steps-table">
            <xsl:with-param name="steps" select="steps/step"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Korte stand van één stap in een alinea, met de notitie. -->
  <xsl:template name="kngg-step-state">
    <xsl:param name="step"/>
    <xsl:param name="id"/>
    <p>
      <b>Stap <xsl:value-of select="$id"/></b>
      <xsl:choose>
        <xsl:when test="not($step)">: niet in de gegevens.</xsl:when>
        <xsl:otherwise>
          <xsl:text> (</xsl:text><xsl:value-of select="$step/@title"/><xsl:text>): </xsl:text>
          <xsl:choose>
            <xsl:when test="$step/@done">afgerond op <xsl:value-of select="$step/@done"/><xsl:if test="$step/@started"> (begonnen op <xsl:value-of select="$step/@started"/>)</xsl:if></xsl:when>
            <xsl:when test="$step/@started">loopt sinds <xsl:value-of select="$step/@started"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$step/@state"/></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$step/@reopened">, heropend op <xsl:value-of select="$step/@reopened"/></xsl:if>
          <xsl:if test="$step/@by"> (<xsl:value-of select="$step/@by"/>)</xsl:if>
          <xsl:text>.</xsl:text>
          <xsl:if test="$step/@note"><br/><i>Notitie:</i><xsl:text> </xsl:text><xsl:value-of select="$step/@note"/></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <!-- Opleveringen van een stap: wat, klaar op, in welk stuk. -->
  <xsl:template name="kngg-deliverables-table">
    <xsl:param name="step"/>
    <xsl:choose>
      <xsl:when test="$step/deliverables/deliverable">
        <table>
          <tr><th>Oplevering</th><th>Wat</th><th>Klaar op</th><th>Stuk</th></tr>
          <xsl:for-each select="$step/deliverables/deliverable">
            <tr>
              <td><xsl:value-of select="@id"/></td>
              <td><xsl:value-of select="@text"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@done"><xsl:value-of select="@done"/></xsl:when>
                  <xsl:otherwise>nog niet klaar</xsl:otherwise>
                </xsl:choose>
              </td>
              <td>
                <xsl:choose>
                  <xsl:when test="@document"><xsl:value-of select="@document"/></xsl:when>
                  <xsl:when test="@done">geen stuk vastgelegd</xsl:when>
                  <xsl:otherwise>-</xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p>Voor deze stap zijn geen opleveringen bekend.</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Mensen                                                             -->
  <!-- ================================================================ -->

  <!-- Tabel met stakeholders en hun laatste commitment (met de datum van die
       analyse), in vijf kolommen zodat ze op een A4 past.
       area: alleen analyses voor dat gebied tellen (iedereen blijft staan). -->
  <xsl:template name="kngg-stakeholder-table">
    <xsl:param name="people"/>
    <xsl:param name="area" select="''"/>
    <xsl:param name="empty" select="'Nog geen stakeholders vastgelegd.'"/>
    <xsl:choose>
      <xsl:when test="$people">
        <table>
          <tr><th>Naam</th><th>Organisatie</th><th>Functie en niveau</th><th>Rol in het project</th><th>Commitment</th></tr>
          <xsl:for-each select="$people">
            <xsl:variable name="last" select="assessments/assessment[$area = '' or @area = $area][last()]"/>
            <tr>
              <td><xsl:call-template name="kngg-person-name"/></td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@organisation"/></xsl:call-template></td>
              <td>
                <xsl:value-of select="@function"/>
                <xsl:if test="@function and @level"><br/></xsl:if>
                <xsl:if test="@level">(<xsl:value-of select="@level"/>)</xsl:if>
                <xsl:if test="not(@function) and not(@level)">-</xsl:if>
              </td>
              <td><xsl:call-template name="kngg-current-roles"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="$last">
                    <xsl:call-template name="kngg-commitment-label"><xsl:with-param name="value" select="$last/@commitment"/></xsl:call-template>
                    <xsl:if test="$area = '' and @committed = 'true'"> (telt mee)</xsl:if>
                    <xsl:if test="$area = '' and @committed != 'true' and ($last/@commitment = 'toegezegd' or $last/@commitment = 'formeel-vastgelegd')"> (opnieuw bevestigen)</xsl:if>
                  </xsl:when>
                  <xsl:when test="$area != ''">geen analyse voor <xsl:value-of select="$area"/></xsl:when>
                  <xsl:otherwise>nog niet geanalyseerd</xsl:otherwise>
                </xsl:choose>
                <xsl:if test="$last/@date"><br/>sinds <xsl:value-of select="$last/@date"/></xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="$empty"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Geschiedenis van de analyses van één persoon, oudste eerst. -->
  <xsl:template name="kngg-assessment-history">
    <xsl:param name="assessments"/>
    <xsl:param name="empty" select="'Nog geen analyse vastgelegd.'"/>
    <xsl:choose>
      <xsl:when test="$assessments">
        <table>
          <!-- vijf kolommen, zodat elk woord op een staande A4 past: ronde en gebied onder
               de datum, belang, invloed en urgentie samen -->
          <tr><th>Datum</th><th>Belang, invloed, urgentie</th><th>Houding</th><th>Commitment</th><th>Notitie</th></tr>
          <xsl:for-each select="$assessments">
            <tr>
              <td>
                <xsl:value-of select="@date"/>
                <xsl:if test="string(@round) != ''"><br/>ronde <xsl:value-of select="@round"/></xsl:if>
                <xsl:if test="string(@area) != ''"><br/><xsl:value-of select="@area"/></xsl:if>
              </td>
              <td>
                <xsl:text>belang </xsl:text><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@interest"/></xsl:call-template>
                <br/><xsl:text>invloed </xsl:text><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@influence"/></xsl:call-template>
                <br/><xsl:text>urgentie </xsl:text><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@urgency"/></xsl:call-template>
              </td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@stance"/></xsl:call-template></td>
              <td><xsl:call-template name="kngg-commitment-label"><xsl:with-param name="value" select="@commitment"/></xsl:call-template></td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@note"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="$empty"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Tabel met rollen: rol, persoon, organisatie, vanaf, inbreng, uren.
       current-only: alleen rollen zonder einddatum. -->
  <xsl:template name="kngg-roles-table">
    <xsl:param name="current-only" select="true()"/>
    <xsl:param name="fills" select="false()"/>
    <xsl:variable name="roles" select="$kngg-root/stakeholders/stakeholder[not(@erased = 'true')]/roles/role[not($current-only) or not(@until)]"/>
    <xsl:choose>
      <xsl:when test="$roles">
        <table>
          <tr><th>Rol</th><th>Persoon</th><th>Organisatie</th><th>Vanaf</th><xsl:if test="not($current-only)"><th>Tot</th></xsl:if><th>Inbreng</th><th>Uren per week</th></tr>
          <xsl:for-each select="$roles">
            <xsl:sort select="string-length(substring-before($kngg-role-order, concat('|', @role, '|'))) + 999 * number(not(contains($kngg-role-order, concat('|', @role, '|'))))" data-type="number"/>
            <xsl:sort select="@deputy"/>
            <tr>
              <td><xsl:value-of select="@title"/><xsl:if test="@deputy = 'true'"> (plaatsvervanger)</xsl:if></td>
              <td><xsl:call-template name="kngg-person-name"><xsl:with-param name="person" select="../.."/></xsl:call-template></td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="../../@organisation"/></xsl:call-template></td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@from"/></xsl:call-template></td>
              <xsl:if test="not($current-only)"><td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@until"/></xsl:call-template></td></xsl:if>
              <td>
                <xsl:choose>
                  <xsl:when test="@contribution"><xsl:value-of select="@contribution"/></xsl:when>
                  <xsl:when test="$fills"><fill>wat deze persoon in deze rol inbrengt</fill></xsl:when>
                  <xsl:otherwise>-</xsl:otherwise>
                </xsl:choose>
              </td>
              <td>
                <xsl:choose>
                  <xsl:when test="@hours"><xsl:value-of select="@hours"/></xsl:when>
                  <xsl:when test="$fills"><fill>uren per week</fill></xsl:when>
                  <xsl:otherwise>-</xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise>
        <p>Er zijn nog geen rollen toegewezen. <fill>wie welke rol in het project krijgt</fill></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Besluiten                                                          -->
  <!-- ================================================================ -->

  <!-- Tabel met ondertekeningen in vijf kolommen (zodat ze op een A4 past):
       ondertekening en besluit; wie, met rol en organisatie; datum; stuk;
       toelichting (argumenten bij een no-go).
       empty/fill: wat er staat als er niets is. -->
  <xsl:template name="kngg-signatures-table">
    <xsl:param name="sigs"/>
    <xsl:param name="empty" select="'Nog geen ondertekeningen vastgelegd.'"/>
    <xsl:param name="fill" select="'wie tekent, wanneer en in welk stuk'"/>
    <xsl:choose>
      <xsl:when test="$sigs">
        <table>
          <tr><th>Besluit</th><th>Ondertekend door</th><th>Datum</th><th>Stuk</th><th>Argumenten</th></tr>
          <xsl:for-each select="$sigs">
            <tr>
              <td>
                <xsl:value-of select="@signoff"/><xsl:if test="@area"> (<xsl:value-of select="@area"/>)</xsl:if>
                <br/><xsl:call-template name="kngg-decision-label"/>
              </td>
              <td>
                <xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@signer"/></xsl:call-template>
                <br/><xsl:value-of select="@role"/>
                <xsl:if test="@as"> (tekent als <xsl:value-of select="@as"/>)</xsl:if>
                <xsl:if test="@organisation"><br/><xsl:value-of select="@organisation"/></xsl:if>
              </td>
              <td><xsl:value-of select="@date"/></td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@document"/></xsl:call-template></td>
              <td>
                <!-- een regel per argument, met een opsommingsteken als het er meer zijn -->
                <xsl:for-each select="arguments/argument">
                  <xsl:if test="last() &gt; 1">&#x2022;&#xA0;</xsl:if>
                  <xsl:value-of select="."/>
                  <xsl:if test="position() != last()"><br/></xsl:if>
                </xsl:for-each>
                <xsl:if test="not(arguments/argument)">-</xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:value-of select="$empty"/><xsl:text> </xsl:text><fill><xsl:value-of select="$fill"/></fill></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Gereedheid, signalen, factoren, QuickScan                          -->
  <!-- ================================================================ -->

  <!-- Lijst van regels die nog niet vervuld zijn (standaard alle). -->
  <xsl:template name="kngg-open-rules">
    <xsl:param name="rules" select="$kngg-root/readiness/sections/section/rules/rule[@met = 'false']"/>
    <xsl:param name="with-why" select="true()"/>
    <xsl:param name="empty" select="'Alle regels voor deze fase of cyclus zijn vervuld.'"/>
    <xsl:choose>
      <xsl:when test="$rules">
        <ul>
          <xsl:for-each select="$rules">
            <li>
              <xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="@text"/></xsl:call-template>
              <xsl:if test="$with-why and @why"><xsl:text> </xsl:text><i><xsl:value-of select="@why"/></i></xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="$empty"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Signalen: waarschuwingen van de gereedheid en continuïteitsrisico's,
       zonder dubbele teksten. -->
  <xsl:template name="kngg-signals">
    <xsl:param name="empty" select="'Er zijn geen waarschuwingen of continuïteitsrisico&#8217;s.'"/>
    <xsl:variable name="warnings" select="$kngg-root/readiness/warnings/warning"/>
    <xsl:variable name="risks" select="$kngg-root/risks/risk[not(@text = $warnings)]"/>
    <xsl:choose>
      <xsl:when test="$warnings or $risks">
        <ul>
          <xsl:for-each select="$warnings"><li><xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="."/></xsl:call-template></li></xsl:for-each>
          <xsl:for-each select="$risks"><li><xsl:call-template name="kngg-risk-text"/></li></xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="$empty"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Tabel met de vastgelegde financiering (kngg funding add): bron, bedrag,
       looptijd, waarvoor en de stand op de peildatum. grants: de regels
       (standaard alle); empty: de tekst als er geen zijn. -->
  <xsl:template name="kngg-funding-table">
    <xsl:param name="grants" select="$kngg-root/funding/grants/grant"/>
    <xsl:param name="empty" select="'Er is nog geen financiering vastgelegd.'"/>
    <xsl:choose>
      <xsl:when test="$grants">
        <table>
          <tr><th>Bron</th><th>Bedrag</th><th>Looptijd</th><th>Waarvoor</th><th>Stand</th></tr>
          <xsl:for-each select="$grants">
            <tr>
              <td><xsl:value-of select="@source"/></td>
              <td><xsl:value-of select="@amount"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@structural = 'true' and not(@end)">structureel vanaf <xsl:value-of select="@from"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@from"/> tot en met <xsl:value-of select="@end"/><xsl:if test="@ended"> (eerder beëindigd)</xsl:if><xsl:if test="@structural = 'true'"> (structureel)</xsl:if></xsl:otherwise>
                </xsl:choose>
              </td>
              <td>
                <xsl:choose>
                  <xsl:when test="@for"><xsl:value-of select="@for"/></xsl:when>
                  <xsl:otherwise>de aanpak als geheel</xsl:otherwise>
                </xsl:choose>
              </td>
              <td>
                <xsl:choose>
                  <xsl:when test="@active = 'true'">loopt</xsl:when>
                  <xsl:when test="@end and number(translate(@end, '-', '')) &lt; number(translate($kngg-root/funding/@day, '-', ''))">afgelopen</xsl:when>
                  <xsl:otherwise>begint later</xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </table>
        <p>Lopend op <xsl:value-of select="$kngg-root/funding/@day"/>: <xsl:value-of select="$kngg-root/funding/@total_active"/>.</p>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="$empty"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Tabel met de essentiële factoren en hun laatste check. -->
  <xsl:template name="kngg-factor-table">
    <xsl:choose>
      <xsl:when test="$kngg-root/factors/factor">
        <table>
          <tr><th>Factor</th><th>Score (1-5)</th><th>Laatst gecheckt</th><th>Toelichting</th></tr>
          <xsl:for-each select="$kngg-root/factors/factor">
            <tr>
              <td><xsl:value-of select="@title"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@score"><xsl:value-of select="@score"/></xsl:when>
                  <xsl:otherwise>-</xsl:otherwise>
                </xsl:choose>
              </td>
              <td>
                <xsl:choose>
                  <xsl:when test="@date"><xsl:value-of select="@date"/></xsl:when>
                  <xsl:otherwise>nog niet gecheckt</xsl:otherwise>
                </xsl:choose>
              </td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@note"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p>Er zijn geen essentiële factoren in de gegevens.</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Tabel met factorchecks in een periode (datums als JJJJMMDD-getal;
       leeg from/until: geen grens). Zonder checks-elementen (oudere
       export) telt de laatste check per factor. -->
  <xsl:template name="kngg-factor-checks">
    <xsl:param name="from-n" select="0"/>
    <xsl:param name="until-n" select="99999999"/>
    <xsl:variable name="checks" select="$kngg-root/factors/factor/checks/check[number(translate(@date, '-', '')) &gt;= $from-n and number(translate(@date, '-', '')) &lt;= $until-n]"/>
    <xsl:variable name="latest" select="$kngg-root/factors/factor[not(checks) and @date and number(translate(@date, '-', '')) &gt;= $from-n and number(translate(@date, '-', '')) &lt;= $until-n]"/>
    <xsl:choose>
      <xsl:when test="$checks or $latest">
        <table>
          <tr><th>Datum</th><th>Factor</th><th>Score</th><th>Vorige score</th><th>Toelichting</th></tr>
          <xsl:for-each select="$checks | $latest">
            <xsl:sort select="translate(@date, '-', '')" data-type="number"/>
            <xsl:variable name="factor" select="ancestor-or-self::factor"/>
            <tr>
              <td><xsl:value-of select="@date"/></td>
              <td><xsl:value-of select="$factor/@title"/></td>
              <td><xsl:value-of select="@score"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="self::check and preceding-sibling::check"><xsl:value-of select="preceding-sibling::check[1]/@score"/></xsl:when>
                  <xsl:otherwise>-</xsl:otherwise>
                </xsl:choose>
              </td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@note"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p>In deze periode is geen essentiële factor gecheckt.</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Betekenis van een QuickScan-score (schaal uit quickscan.xml). -->
  <xsl:template name="kngg-quickscan-label">
    <xsl:param name="score"/>
    <xsl:choose>
      <xsl:when test="$score = 1">nog niet gestart</xsl:when>
      <xsl:when test="$score = 2">in voorbereiding</xsl:when>
      <xsl:when test="$score = 3">gedeeltelijk gerealiseerd</xsl:when>
      <xsl:when test="$score = 4">grotendeels gerealiseerd</xsl:when>
      <xsl:when test="$score = 5">volledig gerealiseerd en geborgd</xsl:when>
      <xsl:otherwise>-</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- QuickScan van een run: gescoorde thema's van laag naar hoog, daarna
       de thema's zonder score. previous: een eerdere run om mee te
       vergelijken (extra kolom). -->
  <xsl:template name="kngg-quickscan-table">
    <xsl:param name="run"/>
    <xsl:param name="previous" select="/.."/>
    <xsl:param name="empty" select="'Voor deze cyclus is nog geen QuickScan vastgelegd.'"/>
    <xsl:variable name="themes" select="$run/quickscan/theme"/>
    <xsl:variable name="compare" select="boolean($previous/quickscan/theme[@score])"/>
    <xsl:choose>
      <xsl:when test="$themes[@score]">
        <table>
          <tr><th>Thema</th><th>Score (1-5)</th><th>Betekenis</th><xsl:if test="$compare"><th>Vorige meting</th></xsl:if></tr>
          <xsl:for-each select="$themes[@score]">
            <xsl:sort select="@score" data-type="number"/>
            <tr>
              <td><xsl:value-of select="@title"/></td>
              <td><xsl:value-of select="@score"/></td>
              <td><xsl:call-template name="kngg-quickscan-label"><xsl:with-param name="score" select="@score"/></xsl:call-template></td>
              <xsl:if test="$compare"><td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="$previous/quickscan/theme[@id = current()/@id]/@score"/></xsl:call-template></td></xsl:if>
            </tr>
          </xsl:for-each>
          <xsl:for-each select="$themes[not(@score)]">
            <tr>
              <td><xsl:value-of select="@title"/></td><td>-</td><td>nog niet gescoord</td>
              <xsl:if test="$compare"><td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="$previous/quickscan/theme[@id = current()/@id]/@score"/></xsl:call-template></td></xsl:if>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:value-of select="$empty"/><xsl:text> </xsl:text><fill>wanneer de QuickScan wordt afgenomen en door wie</fill></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Ondertekeningen die bij een cyclus horen: getekend vanaf de start van
       de run tot de start van de volgende run van dezelfde fase (de export
       geeft ondertekeningen geen cyclusnummer). ids: '|3.proces/s1|...|'. -->
  <xsl:template name="kngg-cycle-signatures">
    <xsl:param name="run"/>
    <xsl:param name="ids"/>
    <xsl:param name="empty" select="'In deze cyclus is nog niets ondertekend.'"/>
    <xsl:param name="fill" select="'welke afspraken formeel worden vastgelegd, met wie en wanneer'"/>
    <xsl:variable name="from" select="number(translate($run/@started, '-', ''))"/>
    <xsl:variable name="next" select="$run/following-sibling::run[1]/@started"/>
    <xsl:variable name="until">
      <xsl:choose>
        <xsl:when test="$next"><xsl:value-of select="number(translate($next, '-', ''))"/></xsl:when>
        <xsl:otherwise>99999999</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="kngg-signatures-table">
      <xsl:with-param name="sigs" select="$kngg-root/signatures/signature[contains($ids, concat('|', @signoff, '|')) and (not($run/@started) or (number(translate(@date, '-', '')) &gt;= $from and number(translate(@date, '-', '')) &lt; number($until)))]"/>
      <xsl:with-param name="empty" select="$empty"/>
      <xsl:with-param name="fill" select="$fill"/>
    </xsl:call-template>
  </xsl:template>

  <!-- De planning (kngg plan): per geplande stap de geplande datum naast wat er
       gebeurde, met de afwijking; leeg: een zin met empty. -->
  <xsl:template name="kngg-plan-table">
    <xsl:param name="empty" select="'Er zijn nog geen stappen gepland (kngg plan).'"/>
    <xsl:variable name="plan" select="/kngg-export/plan/planned"/>
    <xsl:choose>
      <xsl:when test="$plan">
        <table>
          <tr><th>Stap</th><th>Waar</th><th>Gepland</th><th>Gestart</th><th>Afgerond</th><th>Afwijking</th></tr>
          <xsl:for-each select="$plan">
            <tr>
              <td><xsl:value-of select="concat(@step, ' ', @title)"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@area"><xsl:value-of select="@area"/></xsl:when>
                  <xsl:when test="@cycle">fase <xsl:value-of select="@phase"/>, cyclus <xsl:value-of select="@cycle"/></xsl:when>
                  <xsl:otherwise>fase <xsl:value-of select="@phase"/></xsl:otherwise>
                </xsl:choose>
              </td>
              <td><xsl:value-of select="@due"/></td>
              <td><xsl:value-of select="@started"/></td>
              <td><xsl:value-of select="@done"/></td>
              <td><xsl:value-of select="@deviation"/></td>
            </tr>
          </xsl:for-each>
        </table>
        <xsl:if test="$plan[@overdue_days &gt; 0]">
          <p><b>Over tijd:</b><xsl:text> </xsl:text><xsl:value-of select="count($plan[@overdue_days &gt; 0])"/> stap(pen) zijn na de geplande datum nog niet afgerond.</p>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="$empty"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
